package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        // The success statuses the API answers with (api.md), not a default 200 for everything.
        for (String[] expected : new String[][] {{"/api/calls/initiate", "201"}, {"/api/users", "201"},
                {"/api/users/{id}", "204"}, {"/api/clients", "201"}, {"/api/queues", "201"},
                {"/api/queues/{name}", "204"}, {"/api/voice/calls/outbound", "201"}}) {
            String item = pathItem(doc.body(), expected[0]);
            assertTrue(item.contains("'" + expected[1] + "':") || item.contains("\"" + expected[1] + "\":"),
                    expected[0] + " documents no " + expected[1] + ":\n" + item);
        }
        // Bearer tokens on every /api path but the two that hand them out (api.md section 2).
        assertTrue(doc.body().contains("securitySchemes:") && doc.body().contains("scheme: bearer"), doc.body());
        assertTrue(pathItem(doc.body(), "/api/users").contains("security:"));
        assertTrue(pathItem(doc.body(), "/api/calls/initiate").contains("security:"));
        assertFalse(pathItem(doc.body(), "/api/auth/login").contains("security:"));
        assertFalse(pathItem(doc.body(), "/webhooks/voice").contains("security:"));
        // Generated clients name their methods after the operationIds: two operations must never share one.
        List<String> operationIds = doc.body().lines().map(String::strip).filter(l -> l.startsWith("operationId:"))
                .toList();
        assertTrue(operationIds.size() > 10, doc.body());
        assertEquals(operationIds.size(), new HashSet<>(operationIds).size(), "duplicate operationIds: " + operationIds);
    }

    /** The YAML of one path item of the OpenAPI document: from its line to the next path's. */
    private static String pathItem(String document, String path) {
        int start = document.indexOf("\n  " + path + ":");
        assertTrue(start >= 0, path + " missing");
        int end = document.indexOf("\n  /", start + 1);
        return document.substring(start, end < 0 ? document.length() : end);
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
