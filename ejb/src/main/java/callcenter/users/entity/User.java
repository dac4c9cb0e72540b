package callcenter.users.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An agent, supervisor or admin. Never deleted: disabling keeps the row, because the call history refers to it.
 */
@Entity
@Table(name = "users")
public class User {

    @Id
    private UUID id;

    @Column(nullable = false, length = 64, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 32)
    private String extension;

    @Column(nullable = false, length = 16)
    private String role;

    @Column(name = "at_client_name", nullable = false, length = 64, updatable = false)
    private String atClientName;

    @Column(name = "sip_username", length = 128)
    private String sipUsername;

    @Column(name = "telnyx_credential_id", length = 128)
    private String telnyxCredentialId;

    @Column(name = "password_hash", nullable = false, length = 256)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled;

    /** Bumped by a password change, a disable and a role change: tokens carrying an older one fail. */
    @Column(name = "token_generation", nullable = false)
    private long tokenGeneration;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    protected User() {
    }

    public User(String username, String atClientName, String displayName, String extension, String role,
                String passwordHash, Instant now) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.atClientName = atClientName;
        this.displayName = displayName;
        this.extension = extension;
        this.role = role;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String extension() {
        return extension;
    }

    public String role() {
        return role;
    }

    /** The Africa's Talking WebRTC client name this user answers as. */
    public String atClientName() {
        return atClientName;
    }

    public String sipUsername() {
        return sipUsername;
    }

    public String telnyxCredentialId() {
        return telnyxCredentialId;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean enabled() {
        return enabled;
    }

    public long tokenGeneration() {
        return tokenGeneration;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant disabledAt() {
        return disabledAt;
    }

    public void displayName(String value, Instant now) {
        displayName = value;
        touch(now);
    }

    public void extension(String value, Instant now) {
        extension = value;
        touch(now);
    }

    public void role(String value, Instant now) {
        if (!value.equals(role)) {
            tokenGeneration++;
        }
        role = value;
        touch(now);
    }

    public void sipUsername(String value, Instant now) {
        sipUsername = value;
        touch(now);
    }

    public void telnyxCredentialId(String value, Instant now) {
        telnyxCredentialId = value;
        touch(now);
    }

    /** A new password: every token issued before it fails from now on. */
    public void changePassword(String hash, Instant now) {
        passwordHash = hash;
        tokenGeneration++;
        touch(now);
    }

    /** The same password hashed with today's parameters (at a login): its tokens stay valid. */
    public void rehash(String hash, Instant now) {
        passwordHash = hash;
        touch(now);
    }

    public void enable(Instant now) {
        if (!enabled) {
            enabled = true;
            disabledAt = null;
            touch(now);
        }
    }

    public void disable(Instant now) {
        if (enabled) {
            enabled = false;
            disabledAt = now;
            tokenGeneration++;
            touch(now);
        }
    }

    private void touch(Instant now) {
        updatedAt = now;
    }
}
