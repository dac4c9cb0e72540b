package callcenter.auth.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import callcenter.common.CallCenterException;

/**
 * The login throttling rule of api.md section 2, without storage: 5 failed attempts for one username within 15
 * minutes lock that username for 15 minutes; a successful login resets the count. The same rule, with the limit
 * CALLCENTER_LOGIN_ADDRESS_MAX_FAILURES, locks a client address. "Within 15 minutes" is a sliding window: the times of
 * the counted attempts are kept, so any 15 minutes hold at most the limit (a window that restarted at its first
 * failure let up to twice the limit through around its end).
 */
public final class ThrottleRule {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);

    /**
     * The counted attempts of one username or address: their times (oldest first; failures, and attempts whose
     * password is still being checked) and the lock they caused.
     */
    public record State(List<Instant> attempts, Instant lockedUntil) {

        public State {
            attempts = List.copyOf(attempts);
        }

        public static State none() {
            return new State(List.of(), null);
        }

        /** As stored: epoch milliseconds in base 36, comma-separated; null or empty for none. */
        public static State stored(String times, Instant lockedUntil) {
            List<Instant> attempts = new ArrayList<>();
            if (times != null && !times.isBlank()) {
                for (String time : times.split(",")) {
                    attempts.add(Instant.ofEpochMilli(Long.parseLong(time, Character.MAX_RADIX)));
                }
            }
            return new State(attempts, lockedUntil);
        }

        public String storedTimes() {
            return attempts.stream().map(t -> Long.toString(t.toEpochMilli(), Character.MAX_RADIX))
                    .collect(Collectors.joining(","));
        }

        /** The latest attempt, or {@code otherwise} when there is none. */
        public Instant lastAttempt(Instant otherwise) {
            return attempts.isEmpty() ? otherwise : attempts.get(attempts.size() - 1);
        }

        /** The attempts that still count at {@code now}: those of the last {@link #WINDOW}. */
        public int counted(Instant now) {
            Instant from = now.minus(WINDOW);
            return (int) attempts.stream().filter(t -> t.isAfter(from)).count();
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

    /** The state after one more failure: the failure that reaches the limit locks, and the count starts again. */
    public static State afterFailure(State state, Instant now) {
        return afterFailure(state, now, MAX_FAILURES);
    }

    /** The same with another limit (the per-address one). */
    public static State afterFailure(State state, Instant now, int maxFailures) {
        return failed(counted(state, now), now, maxFailures);
    }

    /**
     * One more attempt counted before its password is checked: a failure unless it turns out right (then it is taken
     * back). It locks nothing by itself: a right password must never be what locks an address. Attempts older than
     * the window are forgotten.
     */
    public static State counted(State state, Instant now) {
        State current = state == null ? State.none() : state;
        Instant from = now.minus(WINDOW);
        List<Instant> attempts = new ArrayList<>(current.attempts().stream().filter(t -> t.isAfter(from)).toList());
        attempts.add(now);
        return new State(attempts, current.lockedUntil());
    }

    /** A counted attempt had a wrong password: reaching the limit locks, and the count starts again after the lock. */
    public static State failed(State counted, Instant now, int maxFailures) {
        return counted.counted(now) >= maxFailures ? new State(List.of(), now.plus(LOCK)) : counted;
    }

    /** A counted attempt at {@code at} had the right password: it is taken back. */
    public static State succeeded(State state, Instant at) {
        List<Instant> attempts = new ArrayList<>(state.attempts());
        attempts.remove(at);
        return new State(attempts, state.lockedUntil());
    }

    /**
     * Whether as many attempts as the limit allows are counted already within the window (failed, or still checking
     * their passwords): one more is not admitted until they are decided.
     */
    public static boolean full(State state, Instant now, int maxFailures) {
        return state != null && state.counted(now) >= maxFailures;
    }

    /** The 429 for a locked username, with its Retry-After. */
    public static CallCenterException locked(long seconds) {
        return CallCenterException.tooManyRequests(
                "Too many failed logins for this username or from this address; try again in " + seconds + " seconds",
                seconds);
    }
}
