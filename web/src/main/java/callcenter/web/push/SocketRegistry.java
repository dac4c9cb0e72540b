package callcenter.web.push;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import callcenter.agents.entity.AgentStatus;
import callcenter.events.Audience;

/**
 * This node's open sockets, indexed by user and by call, and the status of the agents connected here (from their
 * own registrations and the {@code agent:updated} events of every node), which picks the audience of
 * {@code call:incoming}. Resolves an {@link Audience} to the sockets of this node.
 */
@ApplicationScoped
public class SocketRegistry {

    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final Map<UUID, Set<Peer>> byUser = new ConcurrentHashMap<>();
    private final Map<UUID, Set<Peer>> callers = new ConcurrentHashMap<>();
    private final Map<UUID, AgentStatus> statuses = new ConcurrentHashMap<>();
    /**
     * Counted apart: the wallboard's tick asks every second, and going over 10,000 agents' sockets to learn that none
     * is a supervisor's took a percent of the node's CPU while they registered.
     */
    private final AtomicInteger supervisors = new AtomicInteger();

    void add(Peer peer) {
        if (peers.put(peer.socketId, peer) == null && peer.isSupervisor()) {
            supervisors.incrementAndGet();
        }
        if (peer.isCaller()) {
            callers.computeIfAbsent(peer.callId, k -> ConcurrentHashMap.newKeySet()).add(peer);
        } else {
            byUser.computeIfAbsent(peer.userId, k -> ConcurrentHashMap.newKeySet()).add(peer);
        }
    }

    void remove(Peer peer) {
        if (peers.remove(peer.socketId) != null && peer.isSupervisor()) {
            supervisors.decrementAndGet();
        }
        Map<UUID, Set<Peer>> index = peer.isCaller() ? callers : byUser;
        UUID key = peer.isCaller() ? peer.callId : peer.userId;
        index.computeIfPresent(key, (k, set) -> {
            set.remove(peer);
            return set.isEmpty() ? null : set;
        });
        if (!peer.isCaller() && !byUser.containsKey(peer.userId)) {
            statuses.remove(peer.userId);
        }
    }

    /** Remembered only while the agent has a socket here: the statuses of other nodes' agents matter there. */
    void status(UUID userId, AgentStatus status) {
        if (byUser.containsKey(userId)) {
            statuses.put(userId, status);
        }
    }

    /** The agent's status as last told here; null when it has no socket here or never registered one. */
    AgentStatus status(UUID userId) {
        return statuses.get(userId);
    }

    /** The sockets of this node that get an event for {@code audience}. */
    List<Peer> audience(Audience audience) {
        // Plain loops over the flat map of sockets: this runs for every event over every socket of the node, before
        // the first frame leaves (and four times a second while agents register). Going user by user over each one's
        // set of sockets allocated an iterator per user and took half the time of the sends themselves at 10,000.
        List<Peer> targets = new ArrayList<>(audience.scope() == Audience.Scope.USER ? 4 : peers.size());
        switch (audience.scope()) {
            case AGENTS, AVAILABLE -> {
                boolean availableOnly = audience.scope() == Audience.Scope.AVAILABLE;
                for (Peer peer : peers.values()) {
                    if (peer.registered && !peer.isCaller()
                            && (!availableOnly || statuses.get(peer.userId) == AgentStatus.AVAILABLE)) {
                        targets.add(peer);
                    }
                }
            }
            case SUPERVISORS -> {
                for (Peer peer : peers.values()) {
                    if (peer.isSupervisor()) {
                        targets.add(peer);
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

    /** Whether a supervisor or admin has a socket here (registered or not). */
    boolean anySupervisor() {
        return supervisors.get() > 0;
    }

    /** Every socket of one user on this node. */
    Set<Peer> ofUser(UUID userId) {
        return byUser.getOrDefault(userId, Set.of());
    }

    /** Whether the socket is still here: its close handler takes it out first thing. */
    boolean contains(Peer peer) {
        return peers.containsKey(peer.socketId);
    }

    Collection<Peer> all() {
        return peers.values();
    }

    int size() {
        return peers.size();
    }
}
