package callcenter.providers.telnyx.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * What a Dial carries as {@code client_state} (Telnyx wants base64): our call id, so that the leg's first webhooks
 * are recognised even when they arrive before the dial's answer was stored.
 */
public final class ClientState {

    private static final String PREFIX = "callcenter:";

    private ClientState() {
    }

    public static String of(UUID callId) {
        return Base64.getEncoder().encodeToString((PREFIX + callId).getBytes(StandardCharsets.UTF_8));
    }

    /** The call id of a {@code client_state} we set; null for any other (or none). */
    public static UUID callIdOf(String state) {
        if (state == null) {
            return null;
        }
        try {
            String text = new String(Base64.getDecoder().decode(state), StandardCharsets.UTF_8);
            return text.startsWith(PREFIX) ? UUID.fromString(text.substring(PREFIX.length())) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
