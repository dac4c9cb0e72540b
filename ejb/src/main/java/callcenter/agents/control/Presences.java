package callcenter.agents.control;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.agents.entity.AgentPresence;
import callcenter.agents.entity.AgentStatus;
import callcenter.common.Roles;
import callcenter.users.entity.User;

/**
 * The presence rows of every agent ({@code agent_presence}). A change expects the agent's user row to be locked by
 * the caller's transaction ({@code StaffDirectory.lock}), so the version in memory is the one that commits; the
 * sweep's change is also a conditional UPDATE, so the database decides when two nodes sweep at once.
 */
@Stateless
public class Presences {

    /** Candidates per sweep: the rest wait for the next tick rather than make one long transaction. */
    public static final int SWEEP_BATCH = 100;

    private static final String CONNECTED =
            " AND EXISTS (SELECT s.id FROM SocketRegistration s WHERE s.userId = p.userId)";

    @PersistenceContext
    EntityManager em;

    @Inject
    Sockets sockets;

    /** The agent's status now; {@code offline} when it never registered. */
    public AgentStatus status(UUID userId) {
        AgentPresence presence = em.find(AgentPresence.class, userId);
        return presence == null ? AgentStatus.OFFLINE : presence.status();
    }

    /**
     * A change every agent is told about; the agent's row is created with its first one.
     *
     * @param extension the extension registered with; null keeps the one there is
     */
    public AgentPresence change(UUID userId, AgentStatus status, String extension, Instant now) {
        AgentPresence presence = em.find(AgentPresence.class, userId);
        if (presence == null) {
            presence = new AgentPresence(userId, status, extension, now);
            em.persist(presence);
        } else {
            presence.change(status, extension, sockets.connected(userId), now);
        }
        return presence;
    }

    /** The agent's presence row; null when it never registered. */
    public AgentPresence find(UUID userId) {
        return em.find(AgentPresence.class, userId);
    }

    /** The user's last socket closed: its grace period starts (nothing to do for a user who never registered). */
    public void lastSocketClosed(UUID userId, Instant now) {
        AgentPresence presence = em.find(AgentPresence.class, userId);
        if (presence != null) {
            presence.lastSocketClosed(now);
        }
    }

    /** {@link #lastSocketClosed} for many agents at once (their rows locked by the caller's transaction). */
    public void lastSocketsClosed(Collection<UUID> userIds, Instant now) {
        if (!userIds.isEmpty()) {
            em.createQuery("UPDATE AgentPresence p SET p.disconnectedAt = :now WHERE p.userId IN :users")
                    .setParameter("now", now).setParameter("users", userIds).executeUpdate();
        }
    }

    /**
     * Whether the agent's last socket closed after {@code limit}: it is inside its grace period, reconnecting
     * perhaps, and must not be shown offline yet. False when it never had a socket or has one open.
     */
    public boolean inGrace(UUID userId, Instant limit) {
        AgentPresence presence = em.find(AgentPresence.class, userId);
        return presence != null && presence.disconnectedAt() != null && presence.disconnectedAt().isAfter(limit);
    }

    /** The agents not offline whose last socket closed at {@code limit} or before, with none opened since. */
    public List<UUID> graceExpired(Instant limit) {
        return em.createQuery("SELECT p.userId FROM AgentPresence p WHERE p.status <> :offline"
                        + " AND p.disconnectedAt IS NOT NULL AND p.disconnectedAt <= :limit"
                        + " AND NOT EXISTS (SELECT s.id FROM SocketRegistration s WHERE s.userId = p.userId)", UUID.class)
                .setParameter("offline", AgentStatus.OFFLINE).setParameter("limit", limit)
                .setMaxResults(SWEEP_BATCH).getResultList();
    }

    /**
     * Takes the agent offline if its grace period passed at {@code limit} with no socket open, as checked by the
     * UPDATE itself: a reconnect or another node's sweep in between makes it change nothing. Returns the agent's row
     * after the change, or null when nothing changed.
     */
    public AgentPresence goOffline(UUID userId, Instant limit, Instant now) {
        int changed = em.createQuery("UPDATE AgentPresence p SET p.status = :offline, p.awayReason = NULL,"
                        + " p.version = p.version + 1, p.updatedAt = :now WHERE p.userId = :user AND p.status <> :offline"
                        + " AND p.disconnectedAt <= :limit"
                        + " AND NOT EXISTS (SELECT s.id FROM SocketRegistration s WHERE s.userId = :user)")
                .setParameter("offline", AgentStatus.OFFLINE).setParameter("now", now).setParameter("user", userId)
                .setParameter("limit", limit).executeUpdate();
        if (changed == 0) {
            return null;
        }
        AgentPresence presence = em.find(AgentPresence.class, userId);
        em.refresh(presence); // the UPDATE went around the persistence context, which may hold the row from before
        return presence;
    }

    /** Every agent not offline and without a socket starts its grace period now, unless it is in one already. */
    public void startGraceWithoutSockets(Instant now) {
        em.createQuery("UPDATE AgentPresence p SET p.disconnectedAt = :now WHERE p.disconnectedAt IS NULL"
                        + " AND p.status <> :offline"
                        + " AND NOT EXISTS (SELECT s.id FROM SocketRegistration s WHERE s.userId = p.userId)")
                .setParameter("now", now).setParameter("offline", AgentStatus.OFFLINE).executeUpdate();
    }

    /**
     * Every enabled agent, supervisor and admin with its presence, by display name: the agents list in one statement.
     * It was two (the users, then every presence row into a map joined here); 10,000 agents registering read this
     * list some hundreds of times, and the second statement and the map were about a quarter of each read.
     */
    public List<ListedAgent> listed() {
        return em.createQuery("SELECT new callcenter.agents.control.ListedAgent(u.id, u.displayName,"
                        + " u.extension, p.status, p.extension, p.awayReason)"
                        + " FROM User u LEFT JOIN AgentPresence p ON p.userId = u.id"
                        + " WHERE u.enabled = true AND u.role IN :roles ORDER BY u.displayName, u.id",
                        ListedAgent.class)
                .setParameter("roles", Roles.TAKING_CALLS)
                .getResultList();
    }

    /** The agents available now with a socket open on some node, in no particular order. */
    public List<UUID> availableIds() {
        return em.createQuery("SELECT p.userId FROM AgentPresence p WHERE p.status = :available" + CONNECTED, UUID.class)
                .setParameter("available", AgentStatus.AVAILABLE).getResultList();
    }
}
