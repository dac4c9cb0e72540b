package callcenter.calls.entity;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The part of a user the call log shows: id and display name. A read-only view of the {@code users} table, so that
 * the call log does not depend on how users are managed.
 */
@Entity(name = "CallAgent")
@Table(name = "users")
public class CallAgent {

    @Id
    @Column(name = "id", insertable = false, updatable = false)
    private UUID id;

    @Column(name = "display_name", insertable = false, updatable = false)
    private String displayName;

    protected CallAgent() {
    }

    public UUID id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }
}
