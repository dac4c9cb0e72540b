package callcenter.users.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An integrator or the caller mobile app, authenticated with OAuth client credentials. Deleting only marks the
 * row: the calls a client started keep referring to it.
 */
@Entity
@Table(name = "api_clients")
public class ApiClient {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, length = 64, updatable = false)
    private String clientId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "secret_hash", nullable = false, length = 256)
    private String secretHash;

    /** {@code app} or {@code integrator} (see {@link callcenter.common.Roles#SCOPE_APP}). */
    @Column(nullable = false, length = 16, updatable = false)
    private String scope;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected ApiClient() {
    }

    public ApiClient(String clientId, String name, String scope, String secretHash, Instant now) {
        this.id = UUID.randomUUID();
        this.scope = scope;
        this.clientId = clientId;
        this.name = name;
        this.secretHash = secretHash;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    public String name() {
        return name;
    }

    public String scope() {
        return scope;
    }

    public String secretHash() {
        return secretHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant deletedAt() {
        return deletedAt;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public void delete(Instant now) {
        if (deletedAt == null) {
            deletedAt = now;
        }
    }
}
