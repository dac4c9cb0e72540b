package callcenter.web.push;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;

import callcenter.agents.boundary.AgentView;
import callcenter.agents.entity.AgentStatus;
import callcenter.events.Audience;
import callcenter.events.Push;
import callcenter.web.SettledCalls;

/**
 * How a server event reaches this node's sockets: in commit order per call (or per agent), to the sockets of its
 * audience, through {@link SocketWriter}. Keeps the statuses in {@link SocketRegistry} following {@code agent:updated}.
 */
@ApplicationScoped
public class PushDelivery {

    private static final Logger LOG = Logger.getLogger(PushDelivery.class.getName());

    private final SequenceFilter order = new SequenceFilter(100_000, TimeUnit.HOURS.toNanos(2), System::nanoTime);

    @Inject
    SocketRegistry registry;

    @Inject
    SocketWriter writer;

    @Inject
    SettledCalls settled;

    @Inject
    PresenceBatch presence;

    /**
     * An event from the topic: dropped when an event of the same call with a newer sequence was already pushed here,
     * else queued for every socket of its audience on this node. Runs under one lock so that the order check and the
     * queueing are one step; both are cheap, the sends themselves are asynchronous.
     */
    void deliver(Push event) {
        if (Push.SOCKETS_REVOKED.equals(event.event()) && event.audience().userId() != null) {
            closeUser(event.audience().userId());
            return;
        }
        synchronized (order) {
            if (!order.accept(event.orderKey(), event.sequence())) {
                return;
            }
            settled.follow(event.event(), event.orderKey());
            if ("agent:updated".equals(event.event())) {
                UUID agentId = follow(event.data());
                if (agentId != null && event.audience().equals(Audience.agents())) {
                    presence.changed(agentId, event.data());
                    return;
                }
            }
            String frame = event.frame();
            boolean presenceFrame = "agent:updated".equals(event.event());
            for (Peer peer : registry.audience(event.audience())) {
                if (presenceFrame) {
                    peer.presence(frame, f -> writer.send(peer, f));
                } else {
                    writer.send(peer, frame);
                }
            }
        }
    }

    /** This node's own registration changed an agent's status: known here at once, before its event comes back. */
    void statusChanged(UUID userId, AgentStatus status, long version) {
        synchronized (order) {
            if (order.accept("agent:" + userId, version)) {
                registry.status(userId, status);
            }
        }
    }

    /** Closes every socket of a user on this node (disabled, or its tokens revoked). */
    public void closeUser(UUID userId) {
        registry.ofUser(userId).forEach(p -> writer.close(p, CloseReason.CloseCodes.VIOLATED_POLICY, "revoked"));
    }

    /** Keeps the registry's status of the agent; answers the agent's id, or null when the data has none. */
    private UUID follow(String data) {
        try {
            AgentView agent = Frames.read(data, AgentView.class);
            registry.status(agent.agentId(), AgentStatus.fromWire(agent.status()).orElseThrow());
            return agent.agentId();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "agent:updated without agentId/status: " + data);
            return null;
        }
    }
}
