package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The WebSocket's limits (api.md section 5): a binary message is a malformed frame (an {@code error}, the socket
 * stays open), a text or binary message over 64 KiB closes with 1009 while it arrives, text that is not UTF-8 with 1007, and a client over its event rate gets {@code rate_limited}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SocketLimitsIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL base;

    @Test
    void aBinaryMessageIsAnsweredBadRequestAndTheSocketStaysOpen() throws IOException {
        String token = Api.at(base).createUser("agent").token();
        try (RawWebSocket ws = RawWebSocket.connect(base, token)) {
            ws.send(RawWebSocket.BINARY, true, new byte[] {1, 2, 3});
            JsonObject error = awaitEvent(ws, "error").getJsonObject("data");
            assertEquals("bad_request", error.getString("code"), error.toString());
            // Still open, and its next event is handled.
            ws.sendText("{\"event\":\"agent:register\",\"data\":{}}");
            awaitEvent(ws, "agents:list");
        }
        assertStillServes(token);
    }

    @Test
    void aBinaryMessageOver64KiBClosesWith1009BeforeItIsWhole() throws IOException {
        String token = Api.at(base).createUser("agent").token();
        try (RawWebSocket ws = RawWebSocket.connect(base, token)) {
            byte[] chunk = new byte[8 * 1024];
            try {
                ws.send(RawWebSocket.BINARY, false, chunk);
                for (int i = 0; i < 16; i++) {
                    ws.send(RawWebSocket.CONTINUATION, false, chunk);
                }
            } catch (IOException e) {
                // The server closed while we were still sending: its close frame is waiting to be read.
            }
            assertEquals(1009, ws.awaitClose());
        }
        assertStillServes(token);
    }

    @Test
    void textOver64KiBClosesWith1009BeforeTheMessageIsWhole() throws IOException {
        String token = Api.at(base).createUser("agent").token();
        try (RawWebSocket ws = RawWebSocket.connect(base, token)) {
            // 128 KiB of a message that never ends: a server waiting for the whole message would never answer.
            byte[] chunk = "x".repeat(8 * 1024).getBytes(StandardCharsets.UTF_8);
            ws.send(RawWebSocket.TEXT, false, "{\"event\":\"agent:register\",\"data\":{\"x\":\"".getBytes(StandardCharsets.UTF_8));
            try {
                for (int i = 0; i < 16; i++) {
                    ws.send(RawWebSocket.CONTINUATION, false, chunk);
                }
            } catch (IOException e) {
                // The server closed while we were still sending: its close frame is waiting to be read.
            }
            assertEquals(1009, ws.awaitClose());
        }
        assertStillServes(token);
    }

    @Test
    void textThatIsNotUtf8ClosesWith1007() throws IOException {
        String token = Api.at(base).createUser("agent").token();
        try (RawWebSocket ws = RawWebSocket.connect(base, token)) {
            byte[] frame = {'{', '"', 'e', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
            ws.send(RawWebSocket.TEXT, true, frame);
            assertEquals(1007, ws.awaitClose());
        }
        try (RawWebSocket ws = RawWebSocket.connect(base, token)) {
            // A lone surrogate written as UTF-8 bytes (CESU) is not UTF-8 either.
            ws.send(RawWebSocket.TEXT, true, new byte[] {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'});
            assertEquals(1007, ws.awaitClose());
        }
        assertStillServes(token);
    }

    @Test
    void aFloodIsAnsweredRateLimitedAndDroppedAndTheSocketRecovers() throws Exception {
        Api.TestUser agent = Api.at(base).createUser("agent");
        try (WsClient ws = WsClient.agent(base, agent.token())) {
            int flood = 150;
            for (int i = 0; i < flood; i++) {
                ws.send("webrtc:ice", Json.createObjectBuilder().add("callId", UUID.randomUUID().toString())
                        .add("candidate", "c" + i).build());
            }
            ws.await("error", d -> "rate_limited".equals(d.asJsonObject().getString("code")), WAIT);
            Thread.sleep(1_500);
            List<JsonValue> errors = ws.events("error");
            long limited = errors.stream().filter(e -> "rate_limited".equals(e.asJsonObject().getString("code"))).count();
            long handled = errors.size() - limited;
            // The burst (60, less the register) plus what refilled while the flood was sent is handled, the rest dropped.
            assertTrue(handled >= 55 && handled < flood - 30, "handled " + handled + " of " + flood + ": " + errors);
            assertTrue(limited >= 1 && limited <= 5, "told " + limited + " times, not once per dropped event");
            assertTrue(ws.isOpen());

            // Refilled: the next event is handled again.
            String probe = UUID.randomUUID().toString();
            ws.send("call:accept", Json.createObjectBuilder().add("callId", probe).build());
            JsonValue error = ws.await("error", d -> probe.equals(d.asJsonObject().getString("callId", null)), WAIT);
            assertEquals("not_found", error.asJsonObject().getString("code"), error.toString());
        }
    }

    /** The next frame of this event; pings and other events before it are skipped. */
    private static JsonObject awaitEvent(RawWebSocket ws, String event) throws IOException {
        while (true) {
            RawWebSocket.Frame frame = ws.read();
            if (frame.opcode() == RawWebSocket.CLOSE) {
                throw new AssertionError("closed with " + frame.closeCode() + " before " + event);
            }
            if (frame.opcode() == RawWebSocket.TEXT) {
                JsonObject json = Json.createReader(new java.io.StringReader(frame.text())).readObject();
                if (event.equals(json.getString("event"))) {
                    return json;
                }
            }
        }
    }

    /** The server still takes a socket from the same user after closing one, and answers its events. */
    private void assertStillServes(String token) {
        try (WsClient ws = WsClient.agent(base, token)) {
            assertTrue(ws.isOpen());
        }
    }
}
