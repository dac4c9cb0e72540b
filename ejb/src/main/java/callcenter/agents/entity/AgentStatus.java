package callcenter.agents.entity;

import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import callcenter.common.CallCenterException;

/**
 * An agent's presence, and the rules for moving between them. The wire name is what {@code agents:list},
 * {@code agent:updated} and {@code GET /api/stats} show and what {@code agent_presence.status} stores (its check
 * constraint allows exactly these four).
 */
public enum AgentStatus {
    AVAILABLE, BUSY, AWAY, OFFLINE;

    // Computed once: every row of an agents list and every presence frame names a status (10,000 agents
    // registering read 10,000-row lists hundreds of times, and lower-casing the name per row was a sixth of a read).
    private final String wireName = name().toLowerCase(Locale.ROOT);
    private static final AgentStatus[] ALL = values();

    /** The name in the API and in the database. */
    public String wireName() {
        return wireName;
    }

    public static Optional<AgentStatus> fromWire(String name) {
        for (AgentStatus status : ALL) {
            if (status.wireName.equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /**
     * What {@code agent:status} may ask for: {@code busy} is the server's while the agent is on a call, and
     * {@code offline} follows from the agent's sockets.
     */
    public boolean requestable() {
        return this == AVAILABLE || this == AWAY;
    }

    /** The status an agent asks for by its wire name; anything but available or away is a 400. */
    public static AgentStatus requested(String name) {
        return fromWire(name).filter(AgentStatus::requestable).orElseThrow(AgentStatus::notRequestable);
    }

    public static CallCenterException notRequestable() {
        return CallCenterException.invalid("status", "must be available or away");
    }

    /** {@code agent:register}: available, or busy while the agent has an active call. */
    public static AgentStatus registered(boolean onACall) {
        return onACall ? BUSY : AVAILABLE;
    }

    /** The status an agent asking for this one shows: asking to be available during a call keeps it busy. */
    public AgentStatus askedFor(boolean onACall) {
        return this == AVAILABLE && onACall ? BUSY : this;
    }

    /**
     * The status after one of the agent's calls changed, this being the status now; empty when it stays. Taking a
     * call makes it busy. When a call ends, only a busy agent moves: to available if it can still be reached (a
     * socket open, or its grace period not over: it may be reconnecting), else offline (the grace passed
     * meanwhile); an away or offline agent stays so. The two suppliers are queries, asked only when the answer
     * depends on them.
     *
     * @param tookCall    the agent took a call (else one of its calls reached a final status)
     * @param stillOnCall whether the agent still has an active call
     * @param connected   whether the agent has a socket open on any node or is inside its grace period
     */
    public Optional<AgentStatus> afterCall(boolean tookCall, BooleanSupplier stillOnCall, BooleanSupplier connected) {
        AgentStatus next;
        if (tookCall) {
            next = BUSY;
        } else if (this == BUSY) {
            next = stillOnCall.getAsBoolean() ? BUSY : connected.getAsBoolean() ? AVAILABLE : OFFLINE;
        } else {
            return Optional.empty();
        }
        return next == this ? Optional.empty() : Optional.of(next);
    }
}
