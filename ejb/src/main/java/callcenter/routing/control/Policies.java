package callcenter.routing.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import callcenter.queues.entity.Strategy;

/**
 * The one-at-a-time strategies of api.md section 7 on plain data: which candidates may take a call, best first.
 * No database and no clock of its own, so the rules are unit-tested as they are.
 */
public final class Policies {

    private static final Comparator<Candidate> LONGEST_IDLE = Comparator
            .comparing(Candidate::idleSince, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Candidate::agentId);

    private static final Comparator<Candidate> IN_TURN = Comparator
            .comparing(Candidate::lastOfferedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Candidate::agentId);

    private Policies() {
    }

    /**
     * The candidates in the order the strategy tries them; for {@code skills}, only those that have every required
     * skill at its level, relaxed by {@link #relaxSteps}.
     */
    public static List<Candidate> rank(Strategy strategy, List<Candidate> candidates, Map<String, Integer> required,
                                       int relaxSteps) {
        return switch (strategy) {
            case ROUND_ROBIN -> candidates.stream().sorted(IN_TURN).toList();
            case SKILLS -> candidates.stream().filter(c -> qualifies(c, required, relaxSteps)).sorted(LONGEST_IDLE)
                    .toList();
            default -> candidates.stream().sorted(LONGEST_IDLE).toList();
        };
    }

    /** How often the required levels have dropped by one for a call waiting since {@code since}. */
    public static int relaxSteps(Instant since, Instant now, int relaxAfterSeconds) {
        if (relaxAfterSeconds <= 0 || since == null) {
            return 0;
        }
        long waited = Duration.between(since, now).getSeconds();
        return waited < 0 ? 0 : (int) Math.min(10, waited / relaxAfterSeconds);
    }

    /** Every required skill at its level minus the relaxation, never below 1. */
    static boolean qualifies(Candidate c, Map<String, Integer> required, int relaxSteps) {
        for (Map.Entry<String, Integer> skill : required.entrySet()) {
            int needed = Math.max(1, skill.getValue() - relaxSteps);
            if (c.skills().getOrDefault(skill.getKey(), 0) < needed) {
                return false;
            }
        }
        return true;
    }
}
