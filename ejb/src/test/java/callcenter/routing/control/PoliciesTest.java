package callcenter.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import callcenter.queues.entity.Strategy;

class PoliciesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T17:00:00Z");
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    private static Candidate candidate(UUID id, int idleSinceSecond, Integer lastOfferedSecond, Map<String, Integer> skills) {
        return new Candidate(id, T0.plusSeconds(idleSinceSecond),
                lastOfferedSecond == null ? null : T0.plusSeconds(lastOfferedSecond), skills);
    }

    private static List<UUID> ids(List<Candidate> ranked) {
        return ranked.stream().map(Candidate::agentId).toList();
    }

    @Test
    void longestIdleTriesTheAgentIdleSinceTheEarliestFirst() {
        List<Candidate> all = List.of(candidate(A, 30, null, Map.of()), candidate(B, 10, 50, Map.of()),
                candidate(C, 20, 5, Map.of()));
        assertEquals(List.of(B, C, A), ids(Policies.rank(Strategy.LONGEST_IDLE, all, Map.of(), 0)));
    }

    @Test
    void roundRobinTriesWhoeverWasNeverOfferedThenTheLongestSinceItsLastOffer() {
        List<Candidate> all = List.of(candidate(A, 0, 40, Map.of()), candidate(B, 0, 20, Map.of()),
                candidate(C, 0, null, Map.of()));
        assertEquals(List.of(C, B, A), ids(Policies.rank(Strategy.ROUND_ROBIN, all, Map.of(), 0)));
    }

    @Test
    void skillsKeepOnlyAgentsWithEveryRequiredLevelAndRankThemByIdleTime() {
        List<Candidate> all = List.of(candidate(A, 5, null, Map.of("swahili", 3)),
                candidate(B, 20, null, Map.of("swahili", 5, "billing", 2)),
                candidate(C, 10, null, Map.of("swahili", 7, "billing", 4)));
        Map<String, Integer> required = Map.of("swahili", 5, "billing", 2);
        assertEquals(List.of(C, B), ids(Policies.rank(Strategy.SKILLS, all, required, 0)));
        assertEquals(List.of(C, B), ids(Policies.rank(Strategy.SKILLS, all, required, 1)), "A has no billing at all");
    }

    @Test
    void relaxationLowersEveryRequiredLevelByOnePerPeriodButNeverBelowOne() {
        List<Candidate> all = List.of(candidate(A, 0, null, Map.of("swahili", 3)),
                candidate(B, 5, null, Map.of("swahili", 1)));
        Map<String, Integer> required = Map.of("swahili", 5);
        assertEquals(List.of(), ids(Policies.rank(Strategy.SKILLS, all, required, 1)));
        assertEquals(List.of(A), ids(Policies.rank(Strategy.SKILLS, all, required, 2)));
        assertEquals(List.of(A, B), ids(Policies.rank(Strategy.SKILLS, all, required, 9)));
        assertEquals(List.of(), ids(Policies.rank(Strategy.SKILLS, List.of(candidate(C, 0, null, Map.of())),
                required, 10)), "a required skill stays required at level 1");
    }

    @Test
    void relaxStepsCountWholePeriodsWaited() {
        assertEquals(0, Policies.relaxSteps(T0, T0.plusSeconds(29), 30));
        assertEquals(1, Policies.relaxSteps(T0, T0.plusSeconds(30), 30));
        assertEquals(3, Policies.relaxSteps(T0, T0.plusSeconds(95), 30));
        assertEquals(0, Policies.relaxSteps(T0, T0.minusSeconds(5), 30));
    }
}
