package callcenter.web.push;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;

import callcenter.agents.boundary.AgentView;
import callcenter.agents.entity.AgentStatus;
import callcenter.events.Audience;
import callcenter.events.LocalPushes;
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

    @Inject
    LocalPushes local;

    @Inject
    PushMetrics metrics;

    @Resource
    ManagedExecutorService executor;

    /** This node's committed events, delivered one transaction after the other off the committing threads. */
    private InOrder inOrder;

    /** From now on the events this node's transactions commit come here at once, not after the broker's round trip. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        inOrder = new InOrder(executor);
        local.deliverTo(events -> inOrder.execute(() -> committed(events)));
    }

    @PreDestroy
    void stop() {
        local.deliverTo(null);
    }

    /** Events a transaction of this node committed, in their order. */
    void committed(List<LocalPushes.Published> events) {
        for (LocalPushes.Published published : events) {
            deliver(published.push());
            metrics.pushed(published.atMillis());
        }
    }

    /**
     * An event from the topic or from this node's commit: dropped when an event of the same call with a newer
     * sequence was already pushed here, else queued for every socket of its audience on this node. Runs under one
     * lock so that the order check and the queueing are one step; both are cheap, the sends are asynchronous.
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
            Frame frame = Frame.of(event.frame());
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

    /**
     * A frame for one socket that catches it up on a call (a reconnecting agent's active call, a joining caller's),
     * read from the database: sent unless a newer change of the call was pushed on this node since, which the socket,
     * open by then, received itself. Without the check a {@code call:ended} committed while an agent registered
     * reached the socket before the {@code call:accepted} read earlier, and the dashboard showed an ended call as
     * active. Under the lock of the order check, so that no newer event can be queued between the check and the send;
     * the catch-up does not move the order forward, since the other sockets have not had it.
     */
    void catchUp(Peer peer, Push push) {
        synchronized (order) {
            if (order.current(push.orderKey(), push.sequence())) {
                writer.send(peer, push.frame());
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
