package callcenter.calls.entity;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A call's status and the moves between them. Inbound: waiting → active → ended, or waiting → missed. Outbound:
 * dialing → active → ended, dialing → ended (never connected, with the carrier's cause) or dialing → failed.
 * {@code ended}, {@code missed} and {@code failed} are final: nothing moves a call out of them.
 *
 * <p>The sets below are the rules themselves: the conditional UPDATEs of {@code CallTransitions} bind them as
 * {@code c.status IN :from}, so the database applies exactly what is written (and unit-tested) here.
 */
public enum CallStatus {
    DIALING, WAITING, ACTIVE, ENDED, MISSED, FAILED;

    private static final Set<CallStatus> FINAL = Collections.unmodifiableSet(EnumSet.of(ENDED, MISSED, FAILED));
    /** Waiting, or active after the carrier answered before any agent accepted (the query also needs no agent). */
    private static final Set<CallStatus> ACCEPTABLE = Collections.unmodifiableSet(EnumSet.of(WAITING, ACTIVE));
    private static final Set<CallStatus> ANSWERABLE = Collections.unmodifiableSet(EnumSet.of(DIALING, WAITING));

    /** The name in the API and in the database. */
    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<CallStatus> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** The final statuses: only these can be wrapped up. */
    public static Set<CallStatus> finals() {
        return FINAL;
    }

    /** The statuses an agent may take a call from, as long as no agent has it yet; it becomes {@code active}. */
    public static Set<CallStatus> acceptableFrom() {
        return ACCEPTABLE;
    }

    /** The statuses the carrier's "answered" moves to {@code active}; from any other it changes nothing. */
    public static Set<CallStatus> answerableFrom() {
        return ANSWERABLE;
    }

    /** The status a call reaches when it is hung up now; empty for a final call, which never changes. */
    public Optional<CallStatus> afterEnd() {
        return switch (this) {
            case WAITING -> Optional.of(MISSED);
            case DIALING, ACTIVE -> Optional.of(ENDED);
            case ENDED, MISSED, FAILED -> Optional.empty();
        };
    }

    /**
     * For a final status, the statuses a call may end in it from: missed only from waiting, ended from dialing or
     * active, failed (the carrier refused the call) only from dialing. Empty for the statuses that are not final.
     */
    public Set<CallStatus> finalFrom() {
        return switch (this) {
            case MISSED -> Collections.unmodifiableSet(EnumSet.of(WAITING));
            case ENDED -> Collections.unmodifiableSet(EnumSet.of(DIALING, ACTIVE));
            case FAILED -> Collections.unmodifiableSet(EnumSet.of(DIALING));
            case DIALING, WAITING, ACTIVE -> Set.of();
        };
    }
}
