package callcenter.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CandidatesTest {

    @Test
    void skillsComeAsNameColonLevelPairs() {
        assertEquals(Map.of("lang", 3, "billing.en", 10), Candidate.skills("lang:3,billing.en:10"));
        assertEquals(Map.of("a-b_c", 1), Candidate.skills("a-b_c:1"));
    }

    @Test
    void anAgentWithoutSkillsHasNone() {
        assertEquals(Map.of(), Candidate.skills(null));
        assertEquals(Map.of(), Candidate.skills(""));
    }
}
