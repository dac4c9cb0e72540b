package callcenter.idempotency.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An {@code Idempotency-Key} a principal used: the fingerprint of the request that came with it and, once done,
 * its answer. Written with a plain INSERT whose unique (principal, key) decides races between nodes.
 */
@Entity
@Table(name = "idempotency_records")
public class IdempotencyRecord {

    public static final String IN_PROGRESS = "in_progress";
    public static final String COMPLETED = "completed";

    @Id
    private UUID id;

    @Column(name = "principal", nullable = false)
    private String principal;

    @Column(name = "idem_key", nullable = false)
    private String key;

    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Column(name = "state", nullable = false)
    private String state;

    @Column(name = "response_status")
    private Integer responseStatus;

    @Column(name = "call_id")
    private UUID callId;

    @Column(name = "response_body")
    private String responseBody;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected IdempotencyRecord() {
    }

    public UUID id() {
        return id;
    }

    public String principal() {
        return principal;
    }

    public String key() {
        return key;
    }

    public String requestHash() {
        return requestHash;
    }

    public String state() {
        return state;
    }

    public boolean completed() {
        return COMPLETED.equals(state);
    }

    public Integer responseStatus() {
        return responseStatus;
    }

    public UUID callId() {
        return callId;
    }

    public String responseBody() {
        return responseBody;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
