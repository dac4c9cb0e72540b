package callcenter.agents.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The presence of one user who ever registered a socket, shared by every node. Every change the agents are told
 * about bumps {@link #version()}, the sequence that orders this agent's {@code agent:updated} pushes on every node.
 * Changed only while the user's row is locked, so the version in memory is the one that commits.
 */
@Entity
@Table(name = "agent_presence")
public class AgentPresence {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(nullable = false, length = 16)
    private AgentStatus status;

    /** The extension the agent registered with; null: its user's. */
    @Column(length = 32)
    private String extension;

    @Column(nullable = false)
    private long version;

    /** When the agent's last socket closed; it goes offline once the grace period has passed. */
    @Column(name = "disconnected_at")
    private Instant disconnectedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AgentPresence() {
    }

    /** The first change of a user's presence. */
    public AgentPresence(UUID userId, AgentStatus status, String extension, Instant now) {
        this.userId = userId;
        this.status = status;
        this.extension = extension;
        this.version = 1;
        this.updatedAt = now;
    }

    /**
     * A change every agent is told about, also when the status stays (a registration).
     *
     * @param extension the extension registered with; null keeps the one there is
     * @param connected whether the agent has a socket open: then it is no longer in a grace period
     */
    public void change(AgentStatus newStatus, String extension, boolean connected, Instant now) {
        status = newStatus;
        if (extension != null) {
            this.extension = extension;
        }
        if (connected) {
            disconnectedAt = null;
        }
        version++;
        updatedAt = now;
    }

    /** The agent's last socket closed: its grace period starts. Nobody is told; the status stays. */
    public void lastSocketClosed(Instant now) {
        disconnectedAt = now;
    }

    public UUID userId() {
        return userId;
    }

    public AgentStatus status() {
        return status;
    }

    /** The extension the agent shows: the one it registered with, else {@code usersExtension}. */
    public String extensionOr(String usersExtension) {
        return extension != null ? extension : usersExtension;
    }

    public long version() {
        return version;
    }

    public Instant disconnectedAt() {
        return disconnectedAt;
    }
}
