package callcenter.auth.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The counted login attempts of one username (or one client address), shared by every node through the database:
 * the times of those of the last 15 minutes, and the lock they caused.
 */
@Entity
@Table(name = "login_attempts")
public class LoginAttempts {

    @Id
    @Column(length = 64)
    private String username;

    /** How many times {@link #attemptTimes} holds: kept for operators reading the table. */
    @Column(nullable = false)
    private int failures;

    /** Epoch milliseconds in base 36, comma-separated, oldest first; null or empty when none. */
    @Column(name = "attempt_times", length = 20000)
    private String attemptTimes;

    /** The latest counted attempt: a row whose latest attempt and lock are both over counts nothing any more. */
    @Column(name = "last_attempt_at", nullable = false)
    private Instant lastAttemptAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected LoginAttempts() {
    }

    public String username() {
        return username;
    }

    public String attemptTimes() {
        return attemptTimes;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public void update(String attemptTimes, int count, Instant lastAttemptAt, Instant lockedUntil) {
        this.attemptTimes = attemptTimes;
        this.failures = count;
        this.lastAttemptAt = lastAttemptAt;
        this.lockedUntil = lockedUntil;
    }
}
