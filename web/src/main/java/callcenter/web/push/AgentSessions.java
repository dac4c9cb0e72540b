package callcenter.web.push;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;

import callcenter.common.JsonP;
import callcenter.events.Audience;
import callcenter.events.Push;

/**
 * This node's open sockets, indexed by user and by call, and the one way frames leave this node: through each
 * socket's bounded {@link Outbox} with asynchronous sends, so one slow or dead browser never delays another and never
 * grows memory. Also caches the status of agents connected here (from their own registrations and from
 * {@code agent:updated} events of every node) to pick the audience of {@code call:incoming}.
 */
@ApplicationScoped
public class AgentSessions {

    private static final Logger LOG = Logger.getLogger(AgentSessions.class.getName());

    /** Frames that may wait behind the one in flight; a socket further behind is closed and resynchronises. */
    static final int QUEUE_CAPACITY = 256;

    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final Map<UUID, Set<Peer>> byUser = new ConcurrentHashMap<>();
    private final Map<UUID, Set<Peer>> callers = new ConcurrentHashMap<>();
    private final Map<UUID, String> status = new ConcurrentHashMap<>();
    private final SequenceFilter order = new SequenceFilter(100_000, TimeUnit.HOURS.toNanos(2), System::nanoTime);

    @Resource
    ManagedExecutorService executor;

    void add(Peer peer) {
        peers.put(peer.session.getId(), peer);
        if (peer.isCaller()) {
            callers.computeIfAbsent(peer.callId, k -> ConcurrentHashMap.newKeySet()).add(peer);
        } else {
            byUser.computeIfAbsent(peer.userId, k -> ConcurrentHashMap.newKeySet()).add(peer);
        }
    }

    void remove(Peer peer) {
        peers.remove(peer.session.getId());
        peer.outbox.close();
        Map<UUID, Set<Peer>> index = peer.isCaller() ? callers : byUser;
        UUID key = peer.isCaller() ? peer.callId : peer.userId;
        index.computeIfPresent(key, (k, set) -> {
            set.remove(peer);
            return set.isEmpty() ? null : set;
        });
        if (!peer.isCaller() && !byUser.containsKey(peer.userId)) {
            status.remove(peer.userId);
        }
    }

    /** This node's own registration changed an agent's status: known here at once, before its event comes back. */
    void statusChanged(UUID userId, String newStatus, long version) {
        synchronized (order) {
            if (order.accept("agent:" + userId, version) && byUser.containsKey(userId)) {
                status.put(userId, newStatus);
            }
        }
    }

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
            if ("agent:updated".equals(event.event())) {
                rememberStatus(event.data());
            }
            String frame = event.frame();
            for (Peer peer : audience(event.audience())) {
                send(peer, frame);
            }
        }
    }

    List<Peer> audience(Audience audience) {
        // Plain loops: this runs for every event over every socket of the node, before the first frame leaves.
        List<Peer> targets = new ArrayList<>(audience.scope() == Audience.Scope.USER ? 4 : peers.size());
        switch (audience.scope()) {
            case AGENTS, AVAILABLE -> {
                boolean availableOnly = audience.scope() == Audience.Scope.AVAILABLE;
                for (Map.Entry<UUID, Set<Peer>> user : byUser.entrySet()) {
                    if (availableOnly && !"available".equals(status.get(user.getKey()))) {
                        continue;
                    }
                    for (Peer peer : user.getValue()) {
                        if (peer.registered) {
                            targets.add(peer);
                        }
                    }
                }
            }
            case SUPERVISORS -> {
                for (Set<Peer> sockets : byUser.values()) {
                    for (Peer peer : sockets) {
                        if (peer.isSupervisor()) {
                            targets.add(peer);
                        }
                    }
                }
            }
            case USER -> targets.addAll(byUser.getOrDefault(audience.userId(), Set.of()));
            case NONE -> {
            }
        }
        if (audience.except() != null) {
            targets.removeIf(p -> audience.except().equals(p.userId));
        }
        if (audience.callerOf() != null) {
            targets.addAll(callers.getOrDefault(audience.callerOf(), Set.of()));
        }
        return targets;
    }

    /** Queues a frame for one socket; the only way anything is written to a socket. */
    void send(Peer peer, String frame) {
        switch (peer.outbox.offer(frame)) {
            case SEND_NOW -> write(peer, frame);
            case OVERFLOW -> {
                LOG.info("Closing a socket of " + peer.name + ": more than " + QUEUE_CAPACITY + " frames behind");
                close(peer, CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow; reconnect");
            }
            case QUEUED, CLOSED -> {
            }
        }
    }

    private void write(Peer peer, String frame) {
        try {
            peer.session.getAsyncRemote().sendText(frame, result -> {
                if (!result.isOK()) {
                    LOG.info("Closing a socket of " + peer.name + ": a send failed (" + result.getException() + ")");
                    peer.outbox.close();
                    close(peer, CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed");
                    return;
                }
                String next = peer.outbox.next();
                if (next != null) {
                    write(peer, next);
                }
            });
        } catch (RuntimeException e) {
            peer.outbox.close();
            close(peer, CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed");
        }
    }

    /** Pings every socket (see {@link Keepalive}); a socket whose ping cannot be sent is closed. */
    void pingAll() {
        for (Peer peer : peers.values()) {
            try {
                peer.session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
            } catch (IOException | RuntimeException e) {
                close(peer, CloseReason.CloseCodes.UNEXPECTED_CONDITION, "ping failed");
            }
        }
    }

    /** Closes off the calling thread: closing a stuck connection must not hold up a delivery. */
    void close(Peer peer, CloseReason.CloseCode code, String reason) {
        Runnable closing = () -> {
            try {
                if (peer.session.isOpen()) {
                    peer.session.close(new CloseReason(code, reason));
                }
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing a socket failed", e);
            }
        };
        try {
            executor.execute(closing);
        } catch (RuntimeException e) {
            closing.run();
        }
    }

    /** Closes every socket of a user (disabled, or its tokens revoked). */
    public void closeUser(UUID userId) {
        byUser.getOrDefault(userId, Set.of()).forEach(p -> close(p, CloseReason.CloseCodes.VIOLATED_POLICY, "revoked"));
    }

    int size() {
        return peers.size();
    }

    private void rememberStatus(String data) {
        try (var reader = JsonP.createReader(new java.io.StringReader(data))) {
            JsonObject agent = reader.readObject();
            UUID id = UUID.fromString(agent.getString("agentId"));
            if (byUser.containsKey(id)) {
                status.put(id, agent.getString("status"));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "agent:updated without agentId/status: " + data);
        }
    }
}
