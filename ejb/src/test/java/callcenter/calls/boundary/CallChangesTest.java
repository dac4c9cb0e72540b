package callcenter.calls.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.event.Event;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import callcenter.calls.control.CallExpired;
import callcenter.calls.control.CallPushes;
import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;

/** The consequences of each kind of change: which CDI events other features get, besides the pushes. */
class CallChangesTest {

    private final List<String> pushed = new ArrayList<>();
    private final List<Object> fired = new ArrayList<>();
    private final CallChanges changes = new CallChanges();
    private final UUID agent = UUID.randomUUID();

    @SuppressWarnings("unchecked")
    private <T> Event<T> recording() {
        return (Event<T>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Event.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("fire")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    fired.add(args[0]);
                    return null;
                });
    }

    @BeforeEach
    void setUp() {
        changes.pushes = new CallPushes() {
            @Override
            public void accepted(CallLog call, Object shown) {
                pushed.add("accepted");
            }

            @Override
            public void ended(CallLog call) {
                pushed.add("ended");
            }

            @Override
            public void updated(CallLog call, Object shown) {
                pushed.add("updated");
            }
        };
        changes.agentCalls = recording();
        changes.waitingCalls = recording();
        changes.carrierLegs = recording();
        changes.timeline = new callcenter.calls.control.CallTimeline() {
            @Override
            public void add(UUID callId, String type, jakarta.json.JsonObject data) {
            }
        };
    }

    private static CallLog telnyx(String direction, CallStatus status, UUID agentId) {
        return CallLog.carrierCall(UUID.randomUUID(), direction, CallLog.CHANNEL_TELNYX, status, null, "+254711000111",
                agentId, null, "telnyx", null, Instant.now()).followingCallControlId("v3:leg");
    }

    @Test
    void anAcceptMakesTheAgentBusyAndAnswersAnInboundCarrierLeg() {
        CallLog call = telnyx(CallLog.INBOUND, CallStatus.ACTIVE, agent);
        changes.accepted(call);
        assertEquals(List.of("accepted"), pushed);
        assertEquals(List.of(new AgentCallChanged(agent, call.id(), true),
                new CarrierLeg(CarrierLeg.Change.ACCEPTED, call.id(), "telnyx", "v3:leg", agent)), fired);

        fired.clear();
        CallLog app = CallLog.carrierCall(UUID.randomUUID(), CallLog.INBOUND, CallLog.CHANNEL_APP, CallStatus.ACTIVE,
                "Ann", "+254711000111", agent, null, null, null, Instant.now());
        changes.accepted(app);
        assertEquals(List.of(new AgentCallChanged(agent, app.id(), true)), fired, "no carrier leg");
    }

    @Test
    void thePlatformHangsUpTheCarrierLegOfACallItEndsButNotOneTheCarrierEnded() {
        CallLog outbound = telnyx(CallLog.OUTBOUND, CallStatus.ENDED, agent);
        changes.ended(outbound, CarrierLeg.Change.ENDED);
        assertEquals(List.of(new AgentCallChanged(agent, outbound.id(), false),
                new CarrierLeg(CarrierLeg.Change.ENDED, outbound.id(), "telnyx", "v3:leg", null)), fired);

        fired.clear();
        changes.ended(outbound, null);
        assertEquals(List.of(new AgentCallChanged(agent, outbound.id(), false)), fired);
        assertEquals(List.of("ended", "ended"), pushed);
    }

    @Test
    void aRingTimeoutLetsAnInboundCarrierLegGoAndAnAgentsDisconnectHangsItsLegUp() {
        CallLog missed = telnyx(CallLog.INBOUND, CallStatus.MISSED, null);
        changes.expired(new CallExpired(missed));
        assertEquals(List.of(new CarrierLeg(CarrierLeg.Change.MISSED, missed.id(), "telnyx", "v3:leg", null)), fired);

        fired.clear();
        CallLog disconnected = telnyx(CallLog.INBOUND, CallStatus.ENDED, agent);
        changes.expired(new CallExpired(disconnected));
        assertEquals(List.of(new AgentCallChanged(agent, disconnected.id(), false),
                new CarrierLeg(CarrierLeg.Change.ENDED, disconnected.id(), "telnyx", "v3:leg", null)), fired);
        assertEquals(List.of("ended", "ended"), pushed);
    }

    @Test
    void aWaitingCallIsHandedToRoutingAndAFinalCallHasNothingMoreToPushNotEvenItsWrapUp() {
        CallLog waiting = telnyx(CallLog.INBOUND, CallStatus.WAITING, null);
        CallView view = changes.waiting(waiting);
        assertEquals(List.of(new CallWaiting(view)), fired);
        assertEquals(List.of(), pushed, "routing pushes the offer");

        changes.updated(telnyx(CallLog.INBOUND, CallStatus.ENDED, agent));
        assertEquals(List.of(), pushed);
        changes.wrappedUp(telnyx(CallLog.INBOUND, CallStatus.ENDED, agent));
        assertEquals(List.of(), pushed);
        changes.updated(telnyx(CallLog.INBOUND, CallStatus.ACTIVE, agent));
        assertEquals(List.of("updated"), pushed);
    }
}
