package callcenter.auth.control;

import java.time.Duration;
import java.time.Instant;

import callcenter.common.CallCenterException;

/**
 * The login throttling rule of api.md section 2, without storage: 5 failed attempts for one username within 15
 * minutes lock that username for 15 minutes; a successful login resets the count. The same rule, with the limit
 * CALLCENTER_LOGIN_ADDRESS_MAX_FAILURES, locks a client address.
 */
public final class ThrottleRule {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);

    /** The stored state of one username; {@code windowStartedAt} is when the first counted failure happened. */
    public record State(int failures, Instant windowStartedAt, Instant lockedUntil) {
        public static State fresh(Instant now) {
            return new State(0, now, null);
        }
    }

    private ThrottleRule() {
    }

    /** Seconds until the username may try again, or 0 when it is not locked. Rounded up: never too early. */
    public static long lockedForSeconds(State state, Instant now) {
        if (state == null || state.lockedUntil() == null || !state.lockedUntil().isAfter(now)) {
            return 0;
        }
        long millis = Duration.between(now, state.lockedUntil()).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /**
     * The state after one more failure. The failure that reaches the limit locks the username and starts a new
     * window, so that after the lock the count starts again from zero.
     */
    public static State afterFailure(State state, Instant now) {
        return afterFailure(state, now, MAX_FAILURES);
    }

    /** The same with another limit (the per-address one). */
    public static State afterFailure(State state, Instant now, int maxFailures) {
        return failed(counted(state, now), now, maxFailures);
    }

    /**
     * One more attempt counted before its password is checked: a failure unless it turns out right (then it is taken
     * back). It locks nothing by itself: a right password must never be what locks an address.
     */
    public static State counted(State state, Instant now) {
        State current = state == null ? State.fresh(now) : state;
        boolean windowOver = current.failures() == 0 || !now.isBefore(current.windowStartedAt().plus(WINDOW));
        return new State(windowOver ? 1 : current.failures() + 1, windowOver ? now : current.windowStartedAt(),
                current.lockedUntil());
    }

    /** A counted attempt had a wrong password: reaching the limit locks, and the count starts again after the lock. */
    public static State failed(State counted, Instant now, int maxFailures) {
        return counted.failures() >= maxFailures ? new State(0, now, now.plus(LOCK)) : counted;
    }

    /**
     * Whether as many attempts as the limit allows are counted already (failed, or still checking their passwords)
     * in the current window: one more is not admitted until they are decided.
     */
    public static boolean full(State state, Instant now, int maxFailures) {
        return state != null && state.failures() >= maxFailures && now.isBefore(state.windowStartedAt().plus(WINDOW));
    }

    /** The 429 for a locked username, with its Retry-After. */
    public static CallCenterException locked(long seconds) {
        return CallCenterException.tooManyRequests(
                "Too many failed logins for this username or from this address; try again in " + seconds + " seconds",
                seconds);
    }
}
