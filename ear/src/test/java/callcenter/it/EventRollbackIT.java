package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;


import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import callcenter.it.probe.PublishProbeServlet;

/**
 * An event leaves only with its transaction: published and rolled back, it never reaches a socket; published and
 * committed, it does. The real EAR with one test servlet added to its WAR drives the transactions.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EventRollbackIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.earWith(PublishProbeServlet.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void rolledBackEventIsNeverPushed() {
        Api api = Api.at(base);
        try (WsClient agent = WsClient.agent(base, api.createUser("agent").token())) {
            String rolledBack = "rb-" + UUID.randomUUID();
            String committed = "ok-" + UUID.randomUUID();
            assertEquals(204, probe(api, rolledBack, "rollback"));
            assertEquals(204, probe(api, committed, "commit"));
            // The committed event was published after the rolled-back one: once it is here, the other would be too.
            agent.await("probe:event", d -> committed.equals(d.asJsonObject().getString("marker")), Duration.ofSeconds(15));
            List<String> markers = agent.events("probe:event").stream()
                    .map(d -> d.asJsonObject().getString("marker")).toList();
            assertTrue(markers.contains(committed));
            assertTrue(!markers.contains(rolledBack), "a rolled-back event was pushed: " + markers);
        }
    }

    /**
     * A rolled-back transaction that published leaves its broker connection marked rollback-only (the resource
     * adapter's XA end with TMFAIL) until its next transaction starts. Taken from the pool by a send outside any
     * transaction (the fan-out probe, the broker's health check) it refused every send: the probe got that same
     * connection back every second and the node stayed unready for good (found by a start-up warm-up that rolled back).
     */
    @Test
    void aSendWithoutATransactionWorksAfterARolledBackPublish() {
        Api api = Api.at(base);
        for (int i = 0; i < 5; i++) {
            Api.Reply reply = probeReply(api, "rb-" + UUID.randomUUID(), "rollback&plainSend=true");
            assertEquals(204, reply.status(), "a send without a transaction after a rolled-back publish: " + reply);
        }
    }

    private static int probe(Api api, String marker, String outcome) {
        return probeReply(api, marker, outcome).status();
    }

    private static Api.Reply probeReply(Api api, String marker, String outcome) {
        return api.send(api.request("it-probe/publish?marker=" + marker + "&outcome=" + outcome, null)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

}
