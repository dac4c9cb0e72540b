package callcenter.web.push;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The calls this node has pushed as taken or ended, so that a {@code call:accept} arriving after that push is
 * answered without a transaction. In an accept race of a hundred agents, every loser used to run an UPDATE that
 * waited on the winner's row lock, then read the row again: most of the race's CPU, and what made the winner wait.
 *
 * <p>This decides nothing: a call that has an agent never loses it, and a final call never becomes acceptable
 * (the conditions of {@code CallTransitions.accept}), so what was pushed stays true, and an accept this node knows
 * nothing about still goes to the database, which decides every race between nodes. Bounded: the oldest entries
 * are forgotten first, and a forgotten call costs only the transaction again.
 */
@ApplicationScoped
public class SettledCalls {

    /** A call is settled once for everyone; a few minutes of a busy hour's calls are enough to remember. */
    static final int CAPACITY = 20_000;

    enum Settled { TAKEN, ENDED }

    private final Map<UUID, Settled> settled = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Settled> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Follows one event delivered here: {@code call:taken}/{@code call:accepted} and {@code call:ended}. */
    void follow(String event, String orderKey) {
        if (orderKey == null || !orderKey.startsWith("call:")) {
            return;
        }
        Settled now = switch (event) {
            case "call:taken", "call:accepted" -> Settled.TAKEN;
            case "call:ended" -> Settled.ENDED;
            default -> null;
        };
        if (now == null) {
            return;
        }
        UUID callId;
        try {
            callId = UUID.fromString(orderKey.substring("call:".length()));
        } catch (IllegalArgumentException e) {
            return;
        }
        synchronized (settled) {
            // Ended is final; taken never goes back to waiting.
            settled.merge(callId, now, (before, after) -> before == Settled.ENDED ? before : after);
        }
    }

    Optional<Settled> of(UUID callId) {
        synchronized (settled) {
            return Optional.ofNullable(settled.get(callId));
        }
    }
}
