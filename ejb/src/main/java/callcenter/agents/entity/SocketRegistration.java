package callcenter.agents.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One open WebSocket that sent {@code agent:register}, on whichever node holds it. An agent is connected while it
 * has at least one, on any node; the node's id lets a restarted node forget the sockets it lost.
 */
@Entity
@Table(name = "agent_sockets")
public class SocketRegistration {

    /** The socket's id, unique across nodes. */
    @Id
    @Column(length = 64)
    private String id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "node_id", nullable = false, length = 23)
    private String nodeId;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    protected SocketRegistration() {
    }

    public SocketRegistration(String id, UUID userId, String nodeId, Instant openedAt) {
        this.id = id;
        this.userId = userId;
        this.nodeId = nodeId;
        this.openedAt = openedAt;
    }

    public String id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public String nodeId() {
        return nodeId;
    }
}
