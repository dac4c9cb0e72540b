package callcenter.agents.control;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.agents.entity.SocketRegistration;

/** The registered sockets of every node ({@code agent_sockets}): an agent is connected while it has one. */
@Stateless
public class Sockets {

    @PersistenceContext
    EntityManager em;

    /** A socket sent {@code agent:register}; registering the same socket again changes nothing. */
    public void open(String socketId, UUID userId, String nodeId, Instant now) {
        if (em.find(SocketRegistration.class, socketId) == null) {
            em.persist(new SocketRegistration(socketId, userId, nodeId, now));
        }
    }

    /** Removes one registration; returns whether it was there. */
    public boolean close(String socketId) {
        return em.createQuery("DELETE FROM SocketRegistration s WHERE s.id = :id").setParameter("id", socketId)
                .executeUpdate() > 0;
    }

    /** Removes the registrations among {@code socketIds} (a draining node's). */
    public void closeAll(Collection<String> socketIds) {
        em.createQuery("DELETE FROM SocketRegistration s WHERE s.id IN :ids").setParameter("ids", socketIds)
                .executeUpdate();
    }

    /** The users among {@code userIds} with a registered socket open on any node. */
    public Set<UUID> connectedAmong(Collection<UUID> userIds) {
        return Set.copyOf(em.createQuery("SELECT DISTINCT s.userId FROM SocketRegistration s WHERE s.userId IN :users",
                UUID.class).setParameter("users", userIds).getResultList());
    }

    /** Whether the user has a registered socket open on any node. */
    public boolean connected(UUID userId) {
        return em.createQuery("SELECT COUNT(s) FROM SocketRegistration s WHERE s.userId = :user", Long.class)
                .setParameter("user", userId).getSingleResult() > 0;
    }

    /**
     * Registrations of nodes that are gone, at most {@code limit}: no running boot of that node id has a heartbeat
     * since {@code aliveSince} (a node that was killed and not started again, or stopped without closing its
     * sockets). Each is removed on its own under its agent's lock ({@code GracePeriods.forgetSocket}).
     */
    public List<SocketRegistration> ofDeadNodes(Instant aliveSince, int limit) {
        return em.createQuery("SELECT s FROM SocketRegistration s WHERE NOT EXISTS (SELECT n.nodeId FROM NodeBoot n"
                        + " WHERE n.nodeId = s.nodeId AND n.heartbeatAt > :alive) ORDER BY s.openedAt",
                        SocketRegistration.class)
                .setParameter("alive", aliveSince).setMaxResults(limit).getResultList();
    }

    /** Every registration of one node. */
    public List<SocketRegistration> ofNode(String nodeId) {
        return em.createQuery("SELECT s FROM SocketRegistration s WHERE s.nodeId = :node", SocketRegistration.class)
                .setParameter("node", nodeId).getResultList();
    }
}
