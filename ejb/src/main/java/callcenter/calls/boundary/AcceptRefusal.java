package callcenter.calls.boundary;

import java.util.Optional;
import java.util.UUID;

import callcenter.calls.control.CallFailures;
import callcenter.common.CallCenterException;

/**
 * What refuses every later accept of a call, whoever sends it: the call was taken, or it ended. Neither goes back (the
 * conditions of {@link CallService#accept}), so a node that learnt one of them may answer further accepts itself.
 */
public enum AcceptRefusal {
    TAKEN, ENDED;

    /** The refusal {@link CallService#accept} answers with in this case. */
    public CallCenterException of(UUID callId) {
        return this == TAKEN ? CallFailures.alreadyTaken(callId) : CallFailures.alreadyEnded(callId);
    }

    /** The case a refusal of {@link CallService#accept} says, if it is about the call rather than the agent. */
    public static Optional<AcceptRefusal> in(CallCenterException refused) {
        if (CallFailures.ALREADY_TAKEN.equals(refused.type())) {
            return Optional.of(TAKEN);
        }
        return CallFailures.ALREADY_ENDED.equals(refused.type()) ? Optional.of(ENDED) : Optional.empty();
    }
}
