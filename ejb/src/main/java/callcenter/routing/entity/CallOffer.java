package callcenter.routing.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A pending one-at-a-time offer: one per call and one per agent (the table's unique keys), whichever node made it,
 * until the agent takes the call, declines it, or lets it pass {@link #expiresAt()}.
 */
@Entity
@Table(name = "call_offers")
public class CallOffer {

    @Id
    @Column(name = "call_id")
    private UUID callId;

    @Column(name = "agent_id", nullable = false)
    private UUID agentId;

    @Column(name = "offered_at", nullable = false)
    private Instant offeredAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected CallOffer() {
    }

    public CallOffer(UUID callId, UUID agentId, Instant offeredAt, Instant expiresAt) {
        this.callId = callId;
        this.agentId = agentId;
        this.offeredAt = offeredAt;
        this.expiresAt = expiresAt;
    }

    public UUID callId() {
        return callId;
    }

    public UUID agentId() {
        return agentId;
    }

    public Instant offeredAt() {
        return offeredAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
