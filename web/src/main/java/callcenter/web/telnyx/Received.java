package callcenter.web.telnyx;

/** The answer to a Telnyx webhook: {@code {"received":true}}. */
public record Received(boolean received) {

    static final Received TRUE = new Received(true);
}
