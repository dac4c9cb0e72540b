package callcenter.calls.entity;

import java.util.Locale;

import callcenter.common.Actor;

/** The platform's own hangup causes; a carrier's cause is kept as it sent it, lower-cased. */
public final class HangupCauses {
    public static final String ENDED_BY_AGENT = "ended_by_agent";
    public static final String ENDED_BY_CALLER = "ended_by_caller";
    public static final String ENDED_BY_SUPERVISOR = "ended_by_supervisor";
    public static final String RING_TIMEOUT = "ring_timeout";
    public static final String AGENT_DISCONNECTED = "agent_disconnected";
    public static final String NO_AGENT_AVAILABLE = "no_agent_available";
    public static final String PROVIDER_ERROR = "provider_error";
    public static final String PROVIDER_TIMEOUT = "provider_timeout";

    private HangupCauses() {
    }

    /** A carrier's cause as the API shows it. */
    public static String carrier(String cause) {
        return cause == null || cause.isBlank() ? null : cause.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The cause when someone ends a call through the API: its own agent, else a supervisor or admin, else the side
     * of the caller (the caller's token, or the API client that started the call on the caller's behalf).
     */
    public static String endedBy(Actor who, java.util.UUID callAgentId) {
        if (who.isUser() && who.id().equals(callAgentId)) {
            return ENDED_BY_AGENT;
        }
        if (who.seesAll()) {
            return ENDED_BY_SUPERVISOR;
        }
        if (who.isUser()) {
            return ENDED_BY_AGENT;
        }
        return ENDED_BY_CALLER;
    }
}
