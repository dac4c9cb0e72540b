package callcenter.queues.entity;

import java.util.Arrays;
import java.util.Optional;

/** How a queue offers its calls (api.md section 7). */
public enum Strategy {
    /** Every available member at once; the first accept wins. */
    RING_ALL("ring-all"),
    /** One member at a time: the one idle the longest. */
    LONGEST_IDLE("longest-idle"),
    /** One member at a time, in turn. */
    ROUND_ROBIN("round-robin"),
    /** One member at a time among those with the required skills (relaxed over time), the longest idle first. */
    SKILLS("skills");

    private final String wireName;

    Strategy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether an offer goes to one agent at a time (and may time out or be declined to the next). */
    public boolean oneAtATime() {
        return this != RING_ALL;
    }

    public static Optional<Strategy> of(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }
}
