package callcenter.agents.control;

import java.time.Instant;
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

    public void close(String socketId) {
        em.createQuery("DELETE FROM SocketRegistration s WHERE s.id = :id").setParameter("id", socketId).executeUpdate();
    }

    /** Whether the user has a registered socket open on any node. */
    public boolean connected(UUID userId) {
        return em.createQuery("SELECT COUNT(s) FROM SocketRegistration s WHERE s.userId = :user", Long.class)
                .setParameter("user", userId).getSingleResult() > 0;
    }

    /**
     * Removes the registrations of nodes that are gone: no running boot of that node id has a heartbeat since
     * {@code aliveSince} (a node that was killed and not started again, or stopped without closing its sockets).
     */
    public int forgetDeadNodes(Instant aliveSince) {
        return em.createQuery("DELETE FROM SocketRegistration s WHERE NOT EXISTS (SELECT n.nodeId FROM NodeBoot n"
                        + " WHERE n.nodeId = s.nodeId AND n.heartbeatAt > :alive)")
                .setParameter("alive", aliveSince).executeUpdate();
    }

    /** Removes every registration of one node; returns how many there were. */
    public int forgetNode(String nodeId) {
        return em.createQuery("DELETE FROM SocketRegistration s WHERE s.nodeId = :node")
                .setParameter("node", nodeId).executeUpdate();
    }
}
