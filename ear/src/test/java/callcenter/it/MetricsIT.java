package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Prometheus endpoint on the management interface (api.md section 6): the application's meters are there and
 * move when sockets open, calls arrive, events fan out and carriers are called.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final URI METRICS = URI.create("http://127.0.0.1:"
            + System.getProperty("it.management.port", "9990") + "/metrics");

    private static final String WAITING = "callcenter_calls{status=\"waiting\"}";
    private static final String SESSIONS = "callcenter_websocket_sessions";
    private static final String FAN_OUT = "callcenter_fanout_latency_seconds_count";
    private static final String ROUTINGS = "callcenter_routing_seconds_count";
    private static final String ROUTING_P99 = "callcenter_routing_recent_seconds{quantile=\"0.99\"}";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return Api.at(base);
    }

    private static String scrape() {
        try {
            HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(METRICS).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reply.statusCode(), reply.body());
            return reply.body();
        } catch (Exception e) {
            throw new AssertionError("scraping " + METRICS + " failed", e);
        }
    }

    /**
     * The value of the sample {@code name{labels}}: same name, and every wanted label among the sample's labels
     * (the server may add labels of its own).
     */
    static OptionalDouble sample(String text, String selector) {
        int brace = selector.indexOf('{');
        String name = brace < 0 ? selector : selector.substring(0, brace);
        String[] wanted = brace < 0 ? new String[0] : selector.substring(brace + 1, selector.length() - 1).split(",");
        Matcher line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})?\\s+(\\S+)", Pattern.MULTILINE)
                .matcher(text);
        while (line.find()) {
            String labels = line.group(1) == null ? "" : line.group(1);
            boolean all = true;
            for (String label : wanted) {
                all &= labels.contains(label);
            }
            if (all) {
                return OptionalDouble.of(Double.parseDouble(line.group(2)));
            }
        }
        return OptionalDouble.empty();
    }

    private static double value(String selector) {
        String text = scrape();
        return sample(text, selector).orElseThrow(() -> new AssertionError(selector + " not in:\n" + text));
    }

    /** Scrapes until the sample satisfies {@code condition}: the calls gauge is cached for a few seconds. */
    private static double awaitValue(String selector, DoublePredicate condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        double last = Double.NaN;
        while (System.nanoTime() < deadline) {
            OptionalDouble found = sample(scrape(), selector);
            if (found.isPresent()) {
                last = found.getAsDouble();
                if (condition.test(last)) {
                    return last;
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(what + ": " + selector + " is " + last + " after " + WAIT.toSeconds() + " s");
    }

    @Test
    void everyApplicationMeterIsServedInPrometheusFormat() {
        String text = scrape();
        for (String status : new String[] {"dialing", "waiting", "active", "ended", "missed", "failed"}) {
            assertTrue(sample(text, "callcenter_calls{status=\"" + status + "\"}").isPresent(), status + " in:\n" + text);
        }
        assertTrue(sample(text, SESSIONS).isPresent(), text);
        assertTrue(sample(text, FAN_OUT).isPresent(), text);
        assertTrue(sample(text, ROUTINGS).isPresent(), text);
        assertTrue(sample(text, ROUTING_P99).isPresent(), text);
        assertTrue(text.contains("# TYPE callcenter_calls gauge"), text);
    }

    @Test
    void sessionsGaugeCountsOpenSockets() {
        double before = value(SESSIONS);
        try (WsClient socket = WsClient.agent(base, api().createUser("agent").token())) {
            double open = value(SESSIONS);
            assertTrue(open >= 1 && open >= before + 1, "open " + open + ", before " + before);
        }
        awaitValue(SESSIONS, v -> v <= before, "closed socket still counted");
    }

    @Test
    void initiatedCallRaisesWaitingGaugeFanOutAndRoutingCounts() {
        double fanOutBefore = value(FAN_OUT);
        double routingsBefore = value(ROUTINGS);
        try (WsClient agent = WsClient.agent(base, api().createUser("agent").token())) {
            Api.Reply reply = api().post("api/calls/initiate", Json.createObjectBuilder().add("callerName", "Metered")
                    .add("phoneNumber", "0711000111").build().toString(), api().clientToken());
            assertEquals(201, reply.status(), reply.toString());
            String callId = reply.json().getString("id");
            JsonObject incoming = agent.awaitCall("call:incoming", callId, WAIT);
            assertEquals("Metered", incoming.getString("callerName"), incoming.toString());
        }
        // Against the API's own count, read fresh at every check: a "before" taken from the cached gauge could be a
        // count of calls that ended since (other tests' calls), which the fresh gauge then never exceeds.
        String admin = api().adminToken();
        awaitValue(WAITING, v -> v >= 1 && v == api().get("api/stats", admin).json().getJsonNumber("waiting")
                .doubleValue(), "the gauge does not count the waiting calls, the new one among them");
        awaitValue(FAN_OUT, v -> v > fanOutBefore, "the pushed event was not timed");
        awaitValue(ROUTINGS, v -> v > routingsBefore, "routing the call was not timed");
        awaitValue(ROUTING_P99, v -> v > 0, "no recent routing time");
    }

    @Test
    void providerRequestsAreTimedWithTheirOutcome() throws Exception {
        String token = api().createUser("agent").token();
        String failed = "callcenter_provider_requests_seconds_count{provider=\"africastalking\",operation=\"capability-token\",outcome=\"error\"}";
        String answered = "callcenter_provider_requests_seconds_count{provider=\"africastalking\",operation=\"capability-token\",outcome=\"ok\"}";
        double failedBefore = sample(scrape(), failed).orElse(0);
        double answeredBefore = sample(scrape(), answered).orElse(0);

        // Nothing listens on the fake's port yet: AT cannot be reached, an error.
        assertEquals(502, api().post("api/africastalking/capability-token", "{}", token).status());
        assertEquals(failedBefore + 1, value(failed));

        try (FakeAfricasTalking fake = FakeAfricasTalking.start()) {
            Api.Reply reply = api().post("api/africastalking/capability-token", "{}", token);
            assertEquals(200, reply.status(), reply.toString());
        }
        assertEquals(answeredBefore + 1, value(answered));
    }
}
