package callcenter.agents.boundary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import callcenter.common.CallCenterException;
import callcenter.common.Times;
import callcenter.events.Audience;
import callcenter.events.Push;
import callcenter.events.PushPublisher;
import callcenter.platform.Settings;
import callcenter.calls.boundary.AgentCallChanged;

/**
 * Agent presence as shared state in the database, so every node sees the same list and an agent's tabs on any
 * number of nodes are one agent. Each change bumps the agent's presence version and is pushed as
 * {@code agent:updated} to every registered agent, in the same transaction. Changes of one agent are serialized by
 * locking its user row, never by a JVM lock.
 */
@Stateless
public class PresenceService {

    public static final String AVAILABLE = "available";
    public static final String BUSY = "busy";
    public static final String AWAY = "away";
    public static final String OFFLINE = "offline";

    private static final Logger LOG = Logger.getLogger(PresenceService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PushPublisher publisher;

    @Inject
    Settings settings;

    /** A socket of this user sent {@code agent:register}: available, or busy while it has an active call. */
    public Registration register(UUID userId, String socketId, String nodeId, String extension) {
        Object[] user = lockUser(userId);
        if (extension != null && extension.length() > 32) {
            throw CallCenterException.invalid("extension", "must be at most 32 characters");
        }
        Instant now = Times.now();
        int known = em.createNativeQuery("SELECT COUNT(*) FROM agent_sockets WHERE id = :id")
                .setParameter("id", socketId).getSingleResult() instanceof Number n ? n.intValue() : 0;
        if (known == 0) {
            em.createNativeQuery("INSERT INTO agent_sockets (id, user_id, node_id, opened_at) VALUES (:id, :user, :node, :at)")
                    .setParameter("id", socketId).setParameter("user", userId).setParameter("node", nodeId)
                    .setParameter("at", now).executeUpdate();
        }
        UUID activeCall = activeCallOf(userId);
        String status = activeCall != null ? BUSY : AVAILABLE;
        long version = upsert(userId, status, extension, now);
        AgentView self = view(userId, user, status);
        publisher.publish(updated(self, version));
        return new Registration(self, version, agents(), activeCall);
    }

    /** {@code agent:status}: available or away; busy stays busy while the agent is on a call. */
    public AgentView setStatus(UUID userId, String requested) {
        if (!AVAILABLE.equals(requested) && !AWAY.equals(requested)) {
            throw CallCenterException.invalid("status", "must be available or away");
        }
        Object[] user = lockUser(userId);
        String status = AVAILABLE.equals(requested) && activeCallOf(userId) != null ? BUSY : requested;
        long version = upsert(userId, status, null, Times.now());
        AgentView self = view(userId, user, status);
        publisher.publish(updated(self, version));
        return self;
    }

    /** A call of this agent became active (busy) or final (available again, unless away or offline). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void onCall(@Observes AgentCallChanged change) {
        UUID agentId = change.agentId();
        boolean active = change.onCall();
        // Taking a call needs an enabled agent; the end of a call is bookkeeping and must also work for an agent
        // disabled during the call, or the call could not end.
        Object[] user = active ? lockUser(agentId) : lockUserRow(agentId);
        if (user == null) {
            return;
        }
        String current = status(agentId);
        String status;
        if (active) {
            status = BUSY;
        } else if (BUSY.equals(current)) {
            status = activeCallOf(agentId) != null ? BUSY : (connected(agentId) ? AVAILABLE : OFFLINE);
        } else {
            return;
        }
        if (status.equals(current)) {
            return;
        }
        long version = upsert(agentId, status, null, Times.now());
        publisher.publish(updated(view(agentId, user, status), version));
    }

    /** A registered socket closed: when it was the agent's last, the grace period starts. */
    public void socketClosed(UUID userId, String socketId) {
        // Also when the user was just disabled (that is what closed its sockets): the grace period must start.
        lockUserRow(userId);
        em.createNativeQuery("DELETE FROM agent_sockets WHERE id = :id").setParameter("id", socketId).executeUpdate();
        if (!connected(userId)) {
            em.createNativeQuery("UPDATE agent_presence SET disconnected_at = :now WHERE user_id = :user")
                    .setParameter("now", Times.now()).setParameter("user", userId).executeUpdate();
        }
    }

    /** The agents whose grace period has passed with no socket open: candidates for {@link #expire}. */
    @SuppressWarnings("unchecked")
    public List<UUID> graceExpired() {
        Instant limit = Times.now().minusSeconds(settings.presenceGraceSeconds());
        return em.createNativeQuery("SELECT p.user_id FROM agent_presence p WHERE p.status <> 'offline' "
                        + "AND p.disconnected_at IS NOT NULL AND p.disconnected_at <= :limit "
                        + "AND NOT EXISTS (SELECT 1 FROM agent_sockets s WHERE s.user_id = p.user_id)")
                .setParameter("limit", limit).setMaxResults(100).getResultList().stream().map(PresenceService::uuid).toList();
    }

    /**
     * Takes an agent offline once its grace period has passed; checked again under the user's row lock, so two nodes
     * sweeping at once (or a reconnect in between) cannot both act. Returns the agent's active call, which the
     * caller ends as {@code agent_disconnected}, or null.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public UUID expire(UUID userId) {
        // Also for a user disabled since it went away: it must still go offline (and its call end), else it would
        // stay "available" in every dashboard and come back in every sweep.
        Object[] user = lockUserRow(userId);
        if (user == null) {
            return null;
        }
        Instant limit = Times.now().minusSeconds(settings.presenceGraceSeconds());
        int changed = em.createNativeQuery("UPDATE agent_presence SET status = 'offline', version = version + 1, "
                        + "updated_at = :now WHERE user_id = :user AND status <> 'offline' AND disconnected_at <= :limit "
                        + "AND NOT EXISTS (SELECT 1 FROM agent_sockets s WHERE s.user_id = :user)")
                .setParameter("now", Times.now()).setParameter("user", userId).setParameter("limit", limit).executeUpdate();
        if (changed == 0) {
            return null;
        }
        publisher.publish(updated(view(userId, user, OFFLINE), version(userId)));
        return activeCallOf(userId);
    }

    /** At start: this node's sockets from before a crash or restart are gone; their agents' grace period starts now. */
    public int forgetNode(String nodeId) {
        int removed = em.createNativeQuery("DELETE FROM agent_sockets WHERE node_id = :node")
                .setParameter("node", nodeId).executeUpdate();
        em.createNativeQuery("UPDATE agent_presence SET disconnected_at = :now WHERE disconnected_at IS NULL "
                        + "AND status <> 'offline' AND NOT EXISTS (SELECT 1 FROM agent_sockets s WHERE s.user_id = agent_presence.user_id)")
                .setParameter("now", Times.now()).executeUpdate();
        if (removed > 0) {
            LOG.info("Removed " + removed + " WebSocket registrations of node " + nodeId + " left from its last run");
        }
        return removed;
    }

    /** Every enabled agent, supervisor and admin with its status ({@code offline} when never registered). */
    @SuppressWarnings("unchecked")
    public List<AgentView> agents() {
        List<Object[]> rows = em.createNativeQuery("SELECT u.id, u.display_name, COALESCE(p.extension, u.extension), "
                        + "COALESCE(p.status, 'offline') FROM users u LEFT JOIN agent_presence p ON p.user_id = u.id "
                        + "WHERE u.enabled = TRUE AND u.role IN ('agent', 'supervisor', 'admin') ORDER BY u.display_name, u.id")
                .getResultList();
        return rows.stream().map(r -> new AgentView(uuid(r[0]), (String) r[1], (String) r[2], (String) r[3])).toList();
    }

    /** The agents available now with at least one socket open, in no particular order. */
    @SuppressWarnings("unchecked")
    public List<UUID> availableAgentIds() {
        return em.createNativeQuery("SELECT p.user_id FROM agent_presence p WHERE p.status = 'available' "
                        + "AND EXISTS (SELECT 1 FROM agent_sockets s WHERE s.user_id = p.user_id)")
                .getResultList().stream().map(PresenceService::uuid).toList();
    }

    /** Registered agents that are available with at least one socket open: those a new call is offered to. */
    public int availableCount() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM agent_presence p WHERE p.status = 'available' "
                + "AND EXISTS (SELECT 1 FROM agent_sockets s WHERE s.user_id = p.user_id)").getSingleResult()).intValue();
    }

    private long upsert(UUID userId, String status, String extension, Instant now) {
        // SQL text rather than null or boolean parameters, whose type PostgreSQL cannot always infer.
        Query update = em.createNativeQuery("UPDATE agent_presence SET status = :status, version = version + 1, "
                        + (extension != null ? "extension = :ext, " : "")
                        + (connected(userId) ? "disconnected_at = NULL, " : "")
                        + "updated_at = :now WHERE user_id = :user")
                .setParameter("status", status).setParameter("now", now).setParameter("user", userId);
        if (extension != null) {
            update.setParameter("ext", extension);
        }
        if (update.executeUpdate() == 0) {
            // Safe without a unique-key race: the user's row lock is held.
            Query insert = em.createNativeQuery("INSERT INTO agent_presence (user_id, status, extension, version, updated_at) "
                            + "VALUES (:user, :status, " + (extension != null ? ":ext" : "NULL") + ", 1, :now)")
                    .setParameter("user", userId).setParameter("status", status).setParameter("now", now);
            if (extension != null) {
                insert.setParameter("ext", extension);
            }
            insert.executeUpdate();
        }
        return version(userId);
    }

    private long version(UUID userId) {
        return ((Number) em.createNativeQuery("SELECT version FROM agent_presence WHERE user_id = :user")
                .setParameter("user", userId).getSingleResult()).longValue();
    }

    private String status(UUID userId) {
        List<?> rows = em.createNativeQuery("SELECT status FROM agent_presence WHERE user_id = :user")
                .setParameter("user", userId).getResultList();
        return rows.isEmpty() ? OFFLINE : (String) rows.get(0);
    }

    private boolean connected(UUID userId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM agent_sockets WHERE user_id = :user")
                .setParameter("user", userId).getSingleResult()).intValue() > 0;
    }

    /** The agent's call that is active now; an agent has at most one. */
    UUID activeCallOf(UUID userId) {
        List<?> rows = em.createNativeQuery("SELECT id FROM calls WHERE agent_id = :user AND status = 'active' "
                + "ORDER BY answered_at DESC").setParameter("user", userId).setMaxResults(1).getResultList();
        return rows.isEmpty() ? null : uuid(rows.get(0));
    }

    /** Locks the user's row: presence changes of one agent happen one after the other on every node. */
    private Object[] lockUser(UUID userId) {
        Object[] user = lockUserRow(userId);
        if (user == null || !Boolean.TRUE.equals(user[3])) {
            throw CallCenterException.forbidden("This user is unknown or disabled");
        }
        return user;
    }

    /** The user's row (display name, extension, role, enabled), locked; null when there is no such user. */
    private Object[] lockUserRow(UUID userId) {
        List<?> rows = em.createNativeQuery("SELECT display_name, extension, role, enabled FROM users WHERE id = :id FOR UPDATE")
                .setParameter("id", userId).getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    private AgentView view(UUID userId, Object[] user, String status) {
        List<?> ext = em.createNativeQuery("SELECT extension FROM agent_presence WHERE user_id = :user")
                .setParameter("user", userId).getResultList();
        String extension = !ext.isEmpty() && ext.get(0) != null ? (String) ext.get(0) : (String) user[1];
        return new AgentView(userId, (String) user[0], extension, status);
    }

    private static Push updated(AgentView view, long version) {
        return Push.of("agent:updated", view, Audience.agents()).ordered("agent:" + view.agentId(), version);
    }

    static UUID uuid(Object value) {
        if (value instanceof byte[] bytes && bytes.length == 16) {
            // H2 returns a native query's UUID column as its 16 bytes.
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }
}
