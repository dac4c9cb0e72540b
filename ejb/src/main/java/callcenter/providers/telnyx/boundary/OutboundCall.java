package callcenter.providers.telnyx.boundary;

/** {@code POST /api/voice/calls/outbound}, as bound and checked by the web layer: {@code to} and {@code from} are phone numbers. */
public record OutboundCall(String to, String from) {
}
