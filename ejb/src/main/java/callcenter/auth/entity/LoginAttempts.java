package callcenter.auth.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The failed-login count of one username, shared by every node through the database. */
@Entity
@Table(name = "login_attempts")
public class LoginAttempts {

    @Id
    @Column(length = 64)
    private String username;

    @Column(nullable = false)
    private int failures;

    @Column(name = "window_started_at", nullable = false)
    private Instant windowStartedAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected LoginAttempts() {
    }

    public String username() {
        return username;
    }

    public int failures() {
        return failures;
    }

    public Instant windowStartedAt() {
        return windowStartedAt;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public void update(int failures, Instant windowStartedAt, Instant lockedUntil) {
        this.failures = failures;
        this.windowStartedAt = windowStartedAt;
        this.lockedUntil = lockedUntil;
    }
}
