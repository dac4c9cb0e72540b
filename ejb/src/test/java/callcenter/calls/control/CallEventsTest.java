package callcenter.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;
import callcenter.events.Audience;
import callcenter.events.Push;

class CallEventsTest {

    /** Stands for the boundary's view of the call: pushed as it is. */
    public record Shown(String marker) {
    }

    private static final Shown SHOWN = new Shown("the call");
    private static final String SHOWN_JSON = "{\"marker\":\"the call\"}";

    private static List<String> names(List<Push> pushes) {
        return pushes.stream().map(Push::event).toList();
    }

    @Test
    void anAcceptGoesToBothPartiesTheOtherAgentsTheSupervisorsAndAsAnUpdateToItsAgent() {
        UUID agent = UUID.randomUUID();
        CallLog call = CallLogs.inbound(CallStatus.ACTIVE, agent);
        List<Push> pushes = CallEvents.accepting(call, SHOWN);
        assertEquals(List.of("call:accepted", "call:taken", "call:updated", "call:updated"), names(pushes));
        assertEquals(Audience.parties(call.id(), agent), pushes.get(0).audience());
        assertEquals(SHOWN_JSON, pushes.get(0).data());
        assertEquals(Audience.agents().except(agent), pushes.get(1).audience());
        assertEquals("{\"agentId\":\"" + agent + "\",\"agentName\":null,\"callId\":\"" + call.id() + "\"}",
                pushes.get(1).data(), "another agent never gets the full call; every field of api.md is written");
        assertEquals(Audience.supervisors().except(agent), pushes.get(2).audience());
        assertEquals(SHOWN_JSON, pushes.get(2).data());
        assertEquals(Audience.user(agent), pushes.get(3).audience(), "the call's agent too (api.md section 5)");
        assertEquals(SHOWN_JSON, pushes.get(3).data());
    }

    @Test
    void aFinalStatusGoesToEveryAgentAndTheCaller() {
        CallLog call = CallLogs.inbound(CallStatus.MISSED, null);
        List<Push> pushes = CallEvents.ending(call);
        assertEquals(List.of("call:ended"), names(pushes));
        assertEquals(Audience.agents().andCaller(call.id()), pushes.get(0).audience());
        assertEquals("{\"callId\":\"" + call.id() + "\",\"durationSeconds\":0,\"hangupCause\":null,\"status\":\"missed\"}",
                pushes.get(0).data());
    }

    @Test
    void anUpdateGoesToTheSupervisorsAndTheCallsAgentAndNobodyOnceTheCallIsFinal() {
        UUID agent = UUID.randomUUID();
        List<Push> live = CallEvents.updating(CallLogs.inbound(CallStatus.ACTIVE, agent), SHOWN);
        assertEquals(List.of(Audience.supervisors().except(agent), Audience.user(agent)),
                live.stream().map(Push::audience).toList());
        assertEquals(List.of(Audience.supervisors()),
                CallEvents.updating(CallLogs.inbound(CallStatus.ACTIVE, null), SHOWN).stream().map(Push::audience).toList());
        // api.md section 5: call:updated only for a call that is not final (a wrap-up changes an ended call).
        assertEquals(List.of(), CallEvents.updating(CallLogs.inbound(CallStatus.ENDED, agent), SHOWN));
    }
}
