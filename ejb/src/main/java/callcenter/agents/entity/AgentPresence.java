package callcenter.agents.entity;

import java.time.Instant;
import java.util.Objects;
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

    /** Why the server set the agent away ({@link AwayReason}); null for any other status or an away asked for. */
    @Column(name = "away_reason", length = 16)
    private String awayReason;

    /** What the agent's last {@code agent:ready} said it lacks; null: ready (or never reported). */
    @Column(name = "not_ready", length = 16)
    private String notReady;

    /** One-at-a-time offers in a row the agent let time out. */
    @Column(name = "missed_offers", nullable = false)
    private int missedOffers;

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
        // Available needs an agent that can take a call: one whose page said it cannot stays away, with the reason.
        boolean unready = newStatus == AgentStatus.AVAILABLE && notReady != null;
        status = unready ? AgentStatus.AWAY : newStatus;
        awayReason = unready ? notReady : null;
        if (newStatus == AgentStatus.AVAILABLE) {
            missedOffers = 0;
        }
        if (extension != null) {
            this.extension = extension;
        }
        if (connected) {
            disconnectedAt = null;
        }
        version++;
        updatedAt = now;
    }

    /**
     * {@code agent:ready}: what the page lacks now ({@link AwayReason#MICROPHONE}, {@link AwayReason#AUDIO}) or null
     * when it can take a call. An available agent that cannot goes away with the reason; one away for such a reason
     * goes back to available once it can (or shows the new reason). Answers whether the status or reason changed,
     * which bumps the version: every agent is then told.
     */
    public boolean ready(String lacks, Instant now) {
        notReady = lacks;
        String reason = awayReason;
        if (status == AgentStatus.AVAILABLE && lacks != null) {
            status = AgentStatus.AWAY;
            awayReason = lacks;
        } else if (status == AgentStatus.AWAY && AwayReason.isReadiness(reason)) {
            status = lacks == null ? AgentStatus.AVAILABLE : AgentStatus.AWAY;
            awayReason = lacks;
        }
        if (Objects.equals(reason, awayReason)) {
            return false;
        }
        version++;
        updatedAt = now;
        return true;
    }

    /**
     * A one-at-a-time offer to the agent timed out. The second in a row sets an available agent away as
     * {@link AwayReason#UNRESPONSIVE}; answers whether it did (the version is bumped, every agent is told).
     */
    public boolean offerMissed(Instant now) {
        missedOffers++;
        if (missedOffers < 2) {
            return false;
        }
        missedOffers = 0;
        if (status != AgentStatus.AVAILABLE) {
            return false;
        }
        status = AgentStatus.AWAY;
        awayReason = AwayReason.UNRESPONSIVE;
        version++;
        updatedAt = now;
        return true;
    }

    /** The agent answered or declined an offer: it is responsive, the count starts again. */
    public void offerAnswered() {
        missedOffers = 0;
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

    /** Why the server set the agent away; null when it is not away or asked to be. */
    public String awayReason() {
        return awayReason;
    }

    public int missedOffers() {
        return missedOffers;
    }

    public Instant disconnectedAt() {
        return disconnectedAt;
    }
}
