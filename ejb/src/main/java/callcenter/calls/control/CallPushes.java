package callcenter.calls.control;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import callcenter.agents.boundary.PresenceService;
import callcenter.calls.boundary.AgentCallChanged;
import callcenter.calls.boundary.CallView;
import callcenter.calls.entity.CallLog;
import callcenter.events.Audience;
import callcenter.events.PushPublisher;
import callcenter.events.Push;

/**
 * Turns a committed-to-be change of a call into the WebSocket events of api.md section 5 and publishes them in the
 * change's transaction, each ordered by the call's version. Fires {@link AgentCallChanged} when an agent takes or
 * loses a call, for presence to follow.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CallPushes {

    /** {@code call:incoming}: the seed's fields. */
    public record Incoming(UUID callId, String callerName, String phoneNumber, String ivrOption, String queueName,
                           String channel, String timestamp) {
    }

    /** {@code call:taken}: to every agent but the winner. */
    public record Taken(UUID callId, UUID agentId, String agentName) {
    }

    /** {@code call:ended}: the call reached a final status. */
    public record Ended(UUID callId, String status, int durationSeconds, String hangupCause) {
    }

    @Inject
    PushPublisher publisher;

    @Inject
    Event<AgentCallChanged> agentCalls;

    @Inject
    PresenceService presence;

    /** The number of agents a new call is offered to now, for the {@code offered} timeline entry. */
    public int offerCount() {
        return presence.availableCount();
    }

    /**
     * @param what the change: {@code incoming}, {@code accepted}, {@code ended}, {@code missed}, {@code failed},
     *             {@code wrapup}, or anything else for an update of a live call
     */
    public void changed(CallLog call, String what) {
        UUID id = call.id();
        UUID agent = call.agentId();
        CallView view = CallView.of(call);
        List<Push> events = new ArrayList<>();
        if (call.status().isFinal()) {
            if (!"wrapup".equals(what)) {
                events.add(Push.of("call:ended", new Ended(id, view.status(),
                        call.durationSeconds() == null ? 0 : call.durationSeconds(), call.hangupCause()),
                        Audience.agents().andCaller(id)));
                if (agent != null) {
                    agentCalls.fire(new AgentCallChanged(agent, id, false));
                }
            } else if (agent != null) {
                events.add(Push.of("call:updated", view, Audience.user(agent)));
            }
        } else if ("incoming".equals(what)) {
            events.add(Push.of("call:incoming", new Incoming(id, call.callerName(), call.phoneNumber(),
                    call.ivrOption(), call.queueName(), call.channel(), view.createdAt()), Audience.available()));
        } else if ("accepted".equals(what) && agent != null) {
            events.add(Push.of("call:accepted", view, Audience.parties(id, agent)));
            events.add(Push.of("call:taken", new Taken(id, agent, view.agent() == null ? null : view.agent().displayName()),
                    Audience.agents().except(agent)));
            events.add(Push.of("call:updated", view, Audience.supervisors().except(agent)));
            agentCalls.fire(new AgentCallChanged(agent, id, true));
        } else {
            events.add(Push.of("call:updated", view, agent == null ? Audience.supervisors()
                    : Audience.supervisors().except(agent)));
            if (agent != null) {
                events.add(Push.of("call:updated", view, Audience.user(agent)));
            }
        }
        publisher.publish(events.stream().map(e -> e.forCall(id, call.version())).toList());
    }
}
