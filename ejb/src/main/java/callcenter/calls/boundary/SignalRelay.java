package callcenter.calls.boundary;

import java.util.List;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.calls.entity.CallStatus;
import callcenter.common.CallCenterException;
import callcenter.events.Audience;
import callcenter.events.PushPublisher;
import callcenter.events.Push;

/**
 * Relays WebRTC signalling ({@code webrtc:offer|answer|ice}) between the two parties of a call, and only them: the
 * call's caller and its agent. Through the topic, because the two may be connected to different nodes.
 */
@Stateless
public class SignalRelay {

    @PersistenceContext
    EntityManager em;

    @Inject
    PushPublisher publisher;

    /**
     * @param fromAgent the sending agent, or null when the call's caller sends
     */
    public void relay(UUID callId, UUID fromAgent, String event, String data) {
        List<Object[]> rows = em.createQuery("SELECT c.status, c.agentId FROM CallLog c WHERE c.id = :id", Object[].class)
                .setParameter("id", callId).getResultList();
        if (rows.isEmpty()) {
            throw CallCenterException.notFound("No call " + callId);
        }
        CallStatus status = (CallStatus) rows.get(0)[0];
        UUID agent = (UUID) rows.get(0)[1];
        if (status != CallStatus.ACTIVE || agent == null) {
            throw CallCenterException.conflict("call-not-active", "Call not active",
                    "Call " + callId + " has no agent yet or has ended").with("callId", callId);
        }
        if (fromAgent != null && !fromAgent.equals(agent)) {
            throw CallCenterException.forbidden("Signalling goes only between a call's caller and its agent");
        }
        publisher.publish(Push.of(event, data, fromAgent == null ? Audience.user(agent) : Audience.caller(callId)));
    }
}
