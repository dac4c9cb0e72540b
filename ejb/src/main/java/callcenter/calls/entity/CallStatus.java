package callcenter.calls.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * A call's status and the moves between them. Inbound: waiting → active → ended, or waiting → missed. Outbound:
 * dialing → active → ended, dialing → ended (never connected, with the carrier's cause) or dialing → failed.
 * {@code ended}, {@code missed} and {@code failed} are final: nothing moves a call out of them.
 */
public enum CallStatus {
    DIALING, WAITING, ACTIVE, ENDED, MISSED, FAILED;

    /** The name in the API and in the database. */
    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<CallStatus> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }

    public boolean isFinal() {
        return this == ENDED || this == MISSED || this == FAILED;
    }

    /** An agent may take a call that is waiting, or one the carrier answered before any agent accepted it. */
    public boolean canBeAccepted(boolean hasAgent) {
        return this == WAITING || (this == ACTIVE && !hasAgent);
    }

    /** The status a call reaches when it is hung up now; empty for a final call, which never changes. */
    public Optional<CallStatus> afterEnd() {
        return switch (this) {
            case WAITING -> Optional.of(MISSED);
            case DIALING, ACTIVE -> Optional.of(ENDED);
            case ENDED, MISSED, FAILED -> Optional.empty();
        };
    }

    /** The status after the carrier (or an agent) answered; empty when answering is not a move from here. */
    public Optional<CallStatus> afterAnswer() {
        return this == WAITING || this == DIALING ? Optional.of(ACTIVE) : Optional.empty();
    }

    /** Whether a call may move from this status to {@code next}. */
    public boolean canMoveTo(CallStatus next) {
        return switch (this) {
            case DIALING -> next == ACTIVE || next == ENDED || next == FAILED;
            case WAITING -> next == ACTIVE || next == MISSED;
            case ACTIVE -> next == ENDED;
            case ENDED, MISSED, FAILED -> false;
        };
    }
}
