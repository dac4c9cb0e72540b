package callcenter.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import com.sun.net.httpserver.HttpExchange;

/**
 * A fake Telnyx Call Control v2 for the ITs, speaking the wire format of providers.md section 2: Bearer auth (a
 * wrong key gets 401 with {@code errors[{code:"10009"}]}), Dial at {@code /v2/calls} answering the new leg's ids,
 * actions at {@code /v2/calls/{id}/actions/{name}} answering {@code {"data":{"result":"ok"}}}, and the telephony
 * credential token as plain text. It records every request and can fail or stall on demand. It also signs webhooks
 * like Telnyx, with the Ed25519 key whose public half ear/pom.xml gives the server as TELNYX_PUBLIC_KEY.
 * Listens on {@code it.fake.telnyx.port}, the port TELNYX_API_URL points at.
 */
public final class FakeTelnyx extends FakeCarrier {

    public static final String API_KEY = "it-telnyx-api-key";
    public static final String CONNECTION_ID = "1494404757140276705";
    public static final String PHONE_NUMBER = "+254711082100";
    public static final String DEFAULT_SIP_USER = "gencredDefaultAgent";
    public static final String DEFAULT_CREDENTIAL = "it-credential-default";
    public static final String WEBHOOK_URL = "https://callcenter.example.com/webhooks/voice";
    /** The 32-byte Ed25519 seed of the webhook key; its public key is TELNYX_PUBLIC_KEY in ear/pom.xml. */
    static final byte[] SEED = "callcenter-it-telnyx-webhook-key".getBytes(StandardCharsets.US_ASCII);

    /** A canned failure: status and Telnyx's error body. */
    public record Failure(int status, String body) {
        public static Failure error(int status, String code, String title, String detail) {
            return new Failure(status, Json.createObjectBuilder().add("errors", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("code", code).add("title", title).add("detail", detail)))
                    .build().toString());
        }
    }

    private volatile Predicate<String> failWhen = p -> false;
    private volatile Failure failure;
    private volatile Predicate<String> stallWhen = p -> false;
    private volatile Duration stall = Duration.ZERO;

    private FakeTelnyx() {
        super(8);
    }

    public static FakeTelnyx start() throws IOException {
        FakeTelnyx fake = new FakeTelnyx();
        fake.listen(Integer.parseInt(System.getProperty("it.fake.telnyx.port", "18990")));
        return fake;
    }

    /** Requests whose path ends with {@code suffix} get {@code failure}. */
    public void fail(String suffix, Failure failure) {
        this.failure = failure;
        this.failWhen = path -> path.endsWith(suffix);
    }

    /** Requests whose path ends with {@code suffix} are answered only after {@code delay}. */
    public void stall(String suffix, Duration delay) {
        this.stall = delay;
        this.stallWhen = path -> path.endsWith(suffix);
    }

    public void reset() {
        forgetReceived();
        failWhen = p -> false;
        stallWhen = p -> false;
        failure = null;
    }

    public List<Received> receivedFor(String callControlId) {
        return receivedWhere(r -> r.path().startsWith("/v2/calls/" + callControlId + "/"));
    }

    /** Waits until {@code count} commands for the leg arrived (they are sent asynchronously after commits). */
    public List<Received> awaitCommands(String callControlId, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> now = receivedFor(callControlId);
            if (now.size() >= count) {
                return now;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + count + " commands for " + callControlId + ", got "
                + receivedFor(callControlId));
    }

    public static String newCallControlId() {
        return "v3:" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                (UUID.randomUUID() + "-" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII)).substring(0, 54);
    }

    @Override
    protected void answer(HttpExchange exchange, Received request) throws IOException {
        String path = request.path();
        if (stallWhen.test(path)) {
            try {
                Thread.sleep(stall.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!"POST".equals(request.method())) {
            send(exchange, 405, "application/json", error(405, "10015", "Bad Request", "Method not allowed").body());
        } else if (!("Bearer " + API_KEY).equals(request.header("Authorization"))) {
            send(exchange, error(401, "10009", "Authentication failed",
                    "The required authentication headers were either invalid or not included in the request."));
        } else if (failWhen.test(path) && failure != null) {
            send(exchange, failure);
        } else if (path.equals("/v2/calls")) {
            dial(exchange, request);
        } else if (path.matches("/v2/calls/[^/]+/actions/[a-z_]+")) {
            send(exchange, 200, "application/json", "{\"data\":{\"result\":\"ok\"}}");
        } else if (path.matches("/v2/telephony_credentials/[^/]+/token")) {
            String jwt = "eyJhbGciOiJSUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("{\"sub\":\"" + path.split("/")[3] + "\"}").getBytes(StandardCharsets.UTF_8)) + ".c2ln";
            send(exchange, 201, "text/plain", jwt);
        } else {
            send(exchange, error(404, "10005", "Resource not found", "The requested resource was not found."));
        }
    }

    private void dial(HttpExchange exchange, Received request) throws IOException {
        JsonObject json = request.json();
        for (String required : List.of("connection_id", "to", "from")) {
            if (json.getString(required, "").isBlank()) {
                send(exchange, error(422, "10004", "Missing required parameter", "The '" + required
                        + "' parameter is required."));
                return;
            }
        }
        JsonObject data = Json.createObjectBuilder()
                .add("call_control_id", newCallControlId())
                .add("call_leg_id", UUID.randomUUID().toString())
                .add("call_session_id", UUID.randomUUID().toString())
                .add("is_alive", false)
                .add("record_type", "call")
                .build();
        send(exchange, 200, "application/json", Json.createObjectBuilder().add("data", data).build().toString());
    }

    private static Failure error(int status, String code, String title, String detail) {
        return Failure.error(status, code, title, detail);
    }

    private static void send(HttpExchange exchange, Failure failure) throws IOException {
        send(exchange, failure.status(), "application/json", failure.body());
    }


    // ---- webhooks as Telnyx sends them ------------------------------------------------------------------------

    /** The webhook envelope of providers.md 2.5. */
    public static String envelope(String eventId, String eventType, JsonObject payload) {
        return Json.createObjectBuilder()
                .add("data", Json.createObjectBuilder().add("record_type", "event").add("event_type", eventType)
                        .add("id", eventId).add("occurred_at", Instant.now().toString()).add("payload", payload))
                .add("meta", Json.createObjectBuilder().add("attempt", 1).add("delivered_to", WEBHOOK_URL))
                .build().toString();
    }

    public static PrivateKey signingKey() {
        try {
            byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420" + HexFormat.of().formatHex(SEED));
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(PrivateKey key, String timestamp, byte[] body) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update((timestamp + "|").getBytes(StandardCharsets.UTF_8));
            signer.update(body);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A webhook POST with the given headers (null leaves a header out). */
    public static HttpRequest webhook(URI url, String body, String timestamp, String signature) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)));
        if (timestamp != null) {
            builder.header("telnyx-timestamp", timestamp);
        }
        if (signature != null) {
            builder.header("telnyx-signature-ed25519", signature);
        }
        return builder.build();
    }

    /** A correctly signed webhook, timestamped now. */
    public static HttpRequest signedWebhook(URI url, String body) {
        String ts = Long.toString(Instant.now().getEpochSecond());
        return webhook(url, body, ts, sign(signingKey(), ts, body.getBytes(StandardCharsets.UTF_8)));
    }
}
