package callcenter.providers.telnyx.boundary;

/** The answer to {@code POST /api/voice/webrtc-token}: a login token for the Telnyx browser SDK. */
public record WebRtcToken(String token) {
}
