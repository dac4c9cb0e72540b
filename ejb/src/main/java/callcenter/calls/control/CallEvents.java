package callcenter.calls.control;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.bind.annotation.JsonbNillable;

import callcenter.calls.entity.CallLog;
import callcenter.events.Audience;
import callcenter.events.Push;

/**
 * The WebSocket events of api.md section 5 that a change of a call makes, and their audiences: built here, published
 * by {@link CallPushes}, and handed to a reconnecting socket as its catch-up. Not in that bean: WildFly warns at
 * every start about each static method of an EJB class (WFLYEJB0131).
 */
public final class CallEvents {

    /** {@code call:taken}: to every agent but the winner. */
    @JsonbNillable
    public record Taken(UUID callId, UUID agentId, String agentName) {
    }

    /** {@code call:ended}: the call reached a final status. */
    @JsonbNillable
    public record Ended(UUID callId, String status, int durationSeconds, String hangupCause) {
    }

    /**
     * The winner's {@code call:accepted} carries the same call as its {@code call:updated}; api.md section 5 lists the
     * accept among the changes that send {@code call:updated} to the call's agent, so it gets both.
     */
    static List<Push> accepting(CallLog call, Object shown) {
        UUID id = call.id();
        UUID agent = call.agentId();
        String agentName = call.agent() == null ? null : call.agent().displayName();
        List<Push> events = new ArrayList<>();
        events.add(answered(call, shown));
        events.add(Push.of("call:taken", new Taken(id, agent, agentName), Audience.agents().except(agent)));
        events.addAll(updating(call, shown));
        return events;
    }

    static List<Push> ending(CallLog call) {
        return List.of(end(call));
    }

    /** {@code call:accepted} to the call's two parties; also what a caller socket opening later catches up with. */
    private static Push answered(CallLog call, Object shown) {
        return Push.of("call:accepted", shown, Audience.parties(call.id(), call.agentId()));
    }

    /**
     * The {@code call:accepted} handed back to a reconnecting agent's socket, ordered like the call's pushes: the
     * socket drops it when a newer change of the call was pushed to it meanwhile (api.md section 5).
     */
    public static Push handedBack(CallLog call, Object shown) {
        return answered(call, shown).forCall(call.id(), call.version());
    }

    /** {@code call:ended} to every agent and the caller; also what a caller socket opening later catches up with. */
    public static Push end(CallLog call) {
        return Push.of("call:ended", new Ended(call.id(), call.status().wireName(),
                        call.durationSeconds() == null ? 0 : call.durationSeconds(), call.hangupCause()),
                Audience.agents().andCaller(call.id()));
    }

    /**
     * Supervisors and the call's agent see every change of a live call (api.md section 5: none once it is final,
     * when {@code call:ended} has told it): another agent never gets the full call object of a call that is not theirs.
     */
    static List<Push> updating(CallLog call, Object shown) {
        UUID agent = call.agentId();
        List<Push> events = new ArrayList<>();
        if (call.status().isFinal()) {
            return events;
        }
        events.add(Push.of("call:updated", shown, agent == null ? Audience.supervisors()
                : Audience.supervisors().except(agent)));
        if (agent != null) {
            events.add(Push.of("call:updated", shown, Audience.user(agent)));
        }
        return events;
    }

    private CallEvents() {
    }
}
