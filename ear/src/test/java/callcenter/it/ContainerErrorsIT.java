package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.HashSet;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health on the main port, and the failures the container raises itself answered as problem+json. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContainerErrorsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL base;

    @Test
    void readinessChecksDatabaseAndBroker() throws InterruptedException {
        // Ready once the node's own fan-out probe has come back through its listener: a second or two after deployment.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        Api.Reply ready = Api.at(base).get("health/ready", null);
        while (ready.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            ready = Api.at(base).get("health/ready", null);
        }
        assertEquals(200, ready.status(), ready.toString());
        assertEquals("UP", ready.json().getString("status"));
        assertTrue(ready.body().contains("\"database\"") && ready.body().contains("\"broker\"")
                && ready.body().contains("\"fan-out\""), ready.body());
        assertTrue(ready.body().contains("PostgreSQL"), "the tests run against PostgreSQL: " + ready.body());
        assertEquals(200, Api.at(base).get("health/live", null).status());
    }

    @Test
    void openApiDocumentListsEveryPathWhereItIsServed() {
        Api.Reply doc = Api.at(base).get("openapi", null);
        assertEquals(200, doc.status(), doc.toString());
        for (String path : new String[] {"/api/calls/initiate:", "/api/calls/{id}:", "/api/calls/{id}/accept:",
                "/api/auth/login:",
                "/webhooks/africastalking/voice:", "/health/ready:", "/webhooks/voice:", "/api/voice/calls/outbound:",
                "/api/sms:"}) {
            assertTrue(doc.body().contains("\n  " + path), path + " missing from " + doc.body());
        }
        for (String wrong : new String[] {"/webhooks/calls", "/api/africastalking/voice", "/api/ready", "/api/voice:"}) {
            assertTrue(!doc.body().contains("\n  " + wrong), wrong + " is not served, yet documented");
        }
        // Generated clients name their methods after the operationIds: two operations must never share one.
        List<String> operationIds = doc.body().lines().map(String::strip).filter(l -> l.startsWith("operationId:"))
                .toList();
        assertTrue(operationIds.size() > 10, doc.body());
        assertEquals(operationIds.size(), new HashSet<>(operationIds).size(), "duplicate operationIds: " + operationIds);
    }

    @Test
    void unknownPathsAnswerProblemJson() {
        for (String path : new String[]{"no/such/page", "api/no-such-resource", "webhooks/nothing"}) {
            Api.Reply reply = Api.at(base).get(path, null);
            assertEquals(404, reply.status(), path + " " + reply);
            assertTrue(reply.isProblem(), path + " " + reply);
        }
        // A path that exists with another method: 405 (api.md section 1), also where a call's id could stand.
        String admin = Api.at(base).adminToken();
        for (String path : new String[]{"api/calls/initiate", "api/auth/login"}) {
            Api.Reply reply = Api.at(base).get(path, admin);
            assertEquals(405, reply.status(), path + " " + reply);
            assertTrue(reply.isProblem(), path + " " + reply);
        }
        assertEquals(404, Api.at(base).get("api/calls/not-a-call-id", admin).status());
    }
}
