package callcenter.calls.entity;

import java.util.Locale;

import callcenter.common.Actor;

/** The platform's own hangup causes; a carrier's cause is kept as it sent it, lower-cased. */
public final class HangupCauses {
    public static final String ENDED_BY_AGENT = "ended_by_agent";
    public static final String ENDED_BY_CALLER = "ended_by_caller";
    public static final String ENDED_BY_SUPERVISOR = "ended_by_supervisor";
    public static final String RING_TIMEOUT = "ring_timeout";
    /** A call of a queue other than the default one waited its queue's {@code maxWaitSeconds}. */
    public static final String QUEUE_TIMEOUT = "queue_timeout";
    public static final String AGENT_DISCONNECTED = "agent_disconnected";
    public static final String NO_AGENT_AVAILABLE = "no_agent_available";
    public static final String PROVIDER_ERROR = "provider_error";
    public static final String PROVIDER_TIMEOUT = "provider_timeout";

    private HangupCauses() {
    }

    /** The length of the {@code hangup_cause} columns. */
    public static final int MAX_LENGTH = 64;

    /**
     * A carrier's cause as the API shows it: lower-cased, without the characters a database cannot store (NUL,
     * unpaired surrogates) and cut to {@link #MAX_LENGTH}. A final webhook whose cause did not fit would fail on
     * every retry and the call would never end.
     */
    public static String carrier(String cause) {
        if (cause == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(Math.min(cause.length(), MAX_LENGTH));
        cause.strip().toLowerCase(Locale.ROOT).codePoints()
                .filter(c -> c != 0 && !Character.isISOControl(c)
                        && (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE))
                .takeWhile(c -> kept.length() + Character.charCount(c) <= MAX_LENGTH)
                .forEach(kept::appendCodePoint);
        String text = kept.toString().strip();
        return text.isEmpty() ? null : text;
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
