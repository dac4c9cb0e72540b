package callcenter.providers.africastalking.boundary;

import java.util.List;
import java.util.UUID;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The answer to {@code POST /api/africastalking/make-call}: how the logged call is placed, either by the agent's
 * browser with a WebRTC token or by AT's Voice API (api.md section 4).
 */
public sealed interface MadeCall {

    String WEBRTC = "webrtc";
    String VOICE = "voice";

    UUID callId();

    String callType();

    static WebRtc webRtc(UUID callId, String token, String phoneNumber, String clientName, String destination) {
        return new WebRtc(callId, token, phoneNumber, clientName, destination, WEBRTC);
    }

    static Voice voice(UUID callId, String destination, List<Entry> entries) {
        return new Voice(callId, VOICE, destination, List.copyOf(entries));
    }

    /** The agent's browser places the call with {@code token}. */
    @JsonbPropertyOrder({"callId", "token", "phoneNumber", "clientName", "destination", "callType"})
    record WebRtc(UUID callId, String token, String phoneNumber, String clientName, String destination,
                  String callType) implements MadeCall {
    }

    /** AT's Voice API queued the call. */
    @JsonbPropertyOrder({"callId", "callType", "destination", "entries"})
    record Voice(UUID callId, String callType, String destination, List<Entry> entries) implements MadeCall {
    }

    /** One number AT dialed; {@code sessionId} is null (and written) when AT gave none. */
    @JsonbNillable
    @JsonbPropertyOrder({"phoneNumber", "status", "sessionId"})
    record Entry(String phoneNumber, String status, String sessionId) {
    }
}
