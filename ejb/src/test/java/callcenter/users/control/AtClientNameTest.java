package callcenter.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AtClientNameTest {

    @Test
    void keepsLettersDigitsAndUnderscores() {
        assertEquals("Agent_007", AtClientName.of("Agent_007"));
    }

    @Test
    void replacesEveryOtherCharacter() {
        assertEquals("jane_doe", AtClientName.of("jane.doe"));
        assertEquals("jane_doe", AtClientName.of("jane-doe"));
        assertEquals("a__b", AtClientName.of("a.-b"));
        assertEquals("_x_", AtClientName.of("éxü"));
    }

    @Test
    void differentUsernamesCanCollide() {
        assertEquals(AtClientName.of("a.b"), AtClientName.of("a_b"));
    }
}
