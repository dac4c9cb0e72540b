package callcenter.it;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import com.sun.net.httpserver.HttpExchange;

/**
 * A fake Africa's Talking for the ITs, speaking the documented wire format (providers.md section 1): the capability
 * token answers 201 with {@code lifeTimeSec} as a string, a wrong {@code apiKey} gets 401 text/plain, and the Voice
 * {@code /call} takes a form and answers its {@code entries}. It records every request and can fail on demand.
 * Listens on {@code it.fake.at.port}, the port AT_VOICE_URL and AT_WEBRTC_URL point at (ear/pom.xml).
 */
public final class FakeAfricasTalking extends FakeCarrier {

    public static final String API_KEY = "it-at-api-key";
    public static final String USERNAME = "callcenter";
    public static final String SECRET = "it-at-callback-secret";

    /** A canned failure: status, content type and body. */
    public record Failure(int status, String contentType, String body) {
        public static Failure badKey() {
            return new Failure(401, "text/plain; charset=UTF-8", "The supplied authentication is invalid");
        }

        public static Failure error(int status, String message) {
            return new Failure(status, "application/json", "{\"errorMessage\":\"" + message + "\"}");
        }
    }

    private volatile Failure tokenFailure;
    private volatile Failure voiceFailure;

    private FakeAfricasTalking() {
        super(4);
    }

    public static FakeAfricasTalking start() throws IOException {
        FakeAfricasTalking fake = new FakeAfricasTalking();
        fake.listen(Integer.parseInt(System.getProperty("it.fake.at.port", "18991")));
        return fake;
    }

    public void failToken(Failure failure) {
        tokenFailure = failure;
    }

    public void failVoice(Failure failure) {
        voiceFailure = failure;
    }

    public void reset() {
        forgetReceived();
        tokenFailure = null;
        voiceFailure = null;
    }

    @Override
    protected void answer(HttpExchange exchange, Received request) throws IOException {
        String path = request.path();
        // the shape of AT's answers, down to its server header
        exchange.getResponseHeaders().set("Server", "akka-http/10.2.9");
        if (!"POST".equals(request.method())) {
            send(exchange, 405, "text/plain", "Method not allowed");
        } else if (!API_KEY.equals(request.header("apiKey"))) {
            send(exchange, Failure.badKey());
        } else if (path.equals("/webrtc/capability-token/request")) {
            token(exchange, request);
        } else if (path.equals("/voice/call")) {
            call(exchange, request);
        } else {
            send(exchange, 404, "text/plain", "The requested resource could not be found.");
        }
    }

    private void token(HttpExchange exchange, Received request) throws IOException {
        if (tokenFailure != null) {
            send(exchange, tokenFailure);
            return;
        }
        JsonObject json = request.json();
        for (String required : List.of("username", "clientName", "phoneNumber")) {
            if (!json.containsKey(required) || json.getString(required, "").isBlank()) {
                send(exchange, Failure.error(400, "Missing " + required));
                return;
            }
        }
        String expire = json.getString("expire", "86400s");
        String lifeTime = expire.endsWith("s") ? expire.substring(0, expire.length() - 1) : expire;
        JsonObject answer = Json.createObjectBuilder()
                .add("clientName", json.getString("clientName"))
                .add("incoming", bool(json.get("incoming")))
                .add("lifeTimeSec", lifeTime)
                .add("outgoing", bool(json.get("outgoing")))
                .add("token", "ATCAPtkn_" + UUID.randomUUID().toString().replace("-", ""))
                .build();
        send(exchange, 201, "application/json", answer.toString());
    }

    private void call(HttpExchange exchange, Received request) throws IOException {
        if (voiceFailure != null) {
            send(exchange, voiceFailure);
            return;
        }
        if (!request.header("Content-Type").startsWith("application/x-www-form-urlencoded")) {
            send(exchange, 415, "text/plain", "Unsupported Content-Type");
            return;
        }
        Map<String, String> form = request.form();
        var entries = Json.createArrayBuilder();
        for (String to : form.getOrDefault("to", "").split(",")) {
            entries.add(Json.createObjectBuilder().add("phoneNumber", to).add("status", "Queued")
                    .add("sessionId", "ATVId_" + UUID.randomUUID().toString().replace("-", "")));
        }
        send(exchange, 200, "application/json", Json.createObjectBuilder().add("entries", entries)
                .add("errorMessage", "None").build().toString());
    }

    private static boolean bool(JsonValue value) {
        return value == null || value == JsonValue.TRUE
                || (value.getValueType() == JsonValue.ValueType.STRING && "true".equals(((jakarta.json.JsonString) value).getString()));
    }

    private static void send(HttpExchange exchange, Failure failure) throws IOException {
        send(exchange, failure.status(), failure.contentType(), failure.body());
    }

}
