package callcenter.platform;

import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.time.Instant;
import java.util.Date;

/**
 * Where in each second the node's one-second sweeps run. With {@code @Schedule(second = "*")} all of them fired in
 * the same few milliseconds after each whole second, five transactions at once on two cores, taking 6-14 ms each;
 * in the routing benchmark (issue 16, run 30, in the history of docs/performance.md) 15 of 79 slow routings fell in the first 100 ms
 * of a second, about twice the share of any other tenth. Each sweep now has its own slot, so at most one of them
 * competes with the requests at any moment. The order matters little; routing comes first so that an offer that
 * timed out moves on as soon as it can.
 */
public enum Ticks {
    ROUTING(100),
    RING_TIMEOUTS(300),
    POSITIONS(500),
    STATS(700),
    PRESENCE(900);

    private static final long SECOND_MILLIS = 1000;

    private final long offsetMillis;

    Ticks(long offsetMillis) {
        this.offsetMillis = offsetMillis;
    }

    /**
     * Starts the bean's {@code @Timeout} every second at this slot. Not persistent: the sweeps read everything they
     * need from the database, so there is nothing to catch up after a restart (and persistent timers would live in
     * the bootable jar's discarded data directory).
     */
    public void everySecond(TimerService timers) {
        timers.createIntervalTimer(firstAt(Instant.now()), SECOND_MILLIS, new TimerConfig(name(), false));
    }

    /** The first moment at this slot of a second strictly after {@code now}. */
    Date firstAt(Instant now) {
        long millis = now.toEpochMilli();
        long at = millis - Math.floorMod(millis, SECOND_MILLIS) + offsetMillis;
        return new Date(at > millis ? at : at + SECOND_MILLIS);
    }
}
