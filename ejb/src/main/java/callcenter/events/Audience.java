package callcenter.events;

import java.util.UUID;

/**
 * Who receives an event, resolved by each node against its own sockets when the event arrives.
 *
 * @param scope    which agent sockets get it
 * @param userId   for {@link Scope#USER}: the one user
 * @param except   a user who does not get it although the scope includes it (the winner of a {@code call:taken})
 * @param callerOf a call whose caller sockets also get it; null for none
 */
public record Audience(Scope scope, UUID userId, UUID except, UUID callerOf) {

    public enum Scope {
        /** Every agent socket that sent {@code agent:register} (agents, supervisors, admins). */
        AGENTS,
        /** Registered agents whose status is {@code available}. */
        AVAILABLE,
        /** Every socket of a supervisor or admin. */
        SUPERVISORS,
        /** Every socket of one user. */
        USER,
        /** No agent; only the caller named by {@code callerOf}. */
        NONE
    }

    public static Audience agents() {
        return new Audience(Scope.AGENTS, null, null, null);
    }

    public static Audience available() {
        return new Audience(Scope.AVAILABLE, null, null, null);
    }

    public static Audience supervisors() {
        return new Audience(Scope.SUPERVISORS, null, null, null);
    }

    public static Audience user(UUID userId) {
        return new Audience(Scope.USER, userId, null, null);
    }

    /** The two parties of a call: its agent (if any) and its caller. */
    public static Audience parties(UUID callId, UUID agentId) {
        return agentId == null ? caller(callId) : new Audience(Scope.USER, agentId, null, callId);
    }

    public static Audience caller(UUID callId) {
        return new Audience(Scope.NONE, null, null, callId);
    }

    public Audience except(UUID userId) {
        return new Audience(scope, this.userId, userId, callerOf);
    }

    public Audience andCaller(UUID callId) {
        return new Audience(scope, userId, except, callId);
    }
}
