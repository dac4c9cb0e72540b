package callcenter.providers.telnyx.control;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The {@code command_id}s sent with Telnyx commands. Telnyx ignores a command whose id it saw in the last 60 s, so an
 * id derived from what the command is (and, for API requests, from the Idempotency-Key) makes a retry harmless;
 * without a key each request is a new command.
 */
public final class CommandIds {

    private CommandIds() {
    }

    /** For a request with an Idempotency-Key: the same key, caller, call and action give the same id. */
    public static String forRequest(String callControlId, String action, String principal, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        return named("request", principal, callControlId, action, idempotencyKey);
    }

    /** For commands the platform sends on its own (answer and transfer after an accept, hangup after a ring timeout). */
    public static String forCall(UUID callId, String action) {
        return named("call", callId.toString(), action);
    }

    private static String named(String... parts) {
        StringBuilder text = new StringBuilder("telnyx");
        for (String part : parts) {
            // Length-prefixed, so that no two different part lists give the same text.
            text.append('|').append(part.length()).append(':').append(part);
        }
        return UUID.nameUUIDFromBytes(text.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
