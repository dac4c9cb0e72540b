package callcenter.providers.africastalking.boundary;

/**
 * A make-call request, as bound and checked by the web layer: {@code to} is a phone number, {@code from} one when
 * present, {@code callbackUrl} an http(s) URL when present.
 */
public record MakeCall(String to, String from, Boolean record, String callbackUrl) {
}
