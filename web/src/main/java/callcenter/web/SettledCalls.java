package callcenter.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import callcenter.calls.boundary.AcceptRefusal;

/**
 * The calls this node knows to be taken or ended: pushed so through the topic, or decided by this node's own accept
 * of them. {@link AcceptRace} refuses further accepts of them without a transaction.
 *
 * <p>Neither goes back (a call that has an agent never loses it, a final call never becomes acceptable: the
 * conditions of {@code CallTransitions.accept}), so what is known stays true, and an accept of a call this node knows
 * nothing about still goes to the database, which decides every race between nodes. Bounded: the oldest entries
 * are forgotten first, and a forgotten call costs only the transaction again.
 */
@ApplicationScoped
public class SettledCalls {

    /** A call is settled once for everyone; a few minutes of a busy hour's calls are enough to remember. */
    static final int CAPACITY = 20_000;

    private final Map<UUID, AcceptRefusal> settled = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, AcceptRefusal> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Follows one event delivered here: {@code call:taken}/{@code call:accepted} and {@code call:ended}. */
    public void follow(String event, String orderKey) {
        if (orderKey == null || !orderKey.startsWith("call:")) {
            return;
        }
        AcceptRefusal now = switch (event) {
            case "call:taken", "call:accepted" -> AcceptRefusal.TAKEN;
            case "call:ended" -> AcceptRefusal.ENDED;
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
        learn(callId, now);
    }

    /**
     * The call is known to be taken or ended: from a pushed event, or from this node's own accept as the database
     * decided it (known at the commit, before the change comes back through the topic).
     */
    public void learn(UUID callId, AcceptRefusal now) {
        synchronized (settled) {
            // Ended is final; taken never goes back to waiting.
            settled.merge(callId, now, (before, after) -> before == AcceptRefusal.ENDED ? before : after);
        }
    }

    public Optional<AcceptRefusal> of(UUID callId) {
        synchronized (settled) {
            return Optional.ofNullable(settled.get(callId));
        }
    }
}
