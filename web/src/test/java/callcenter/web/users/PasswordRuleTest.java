package callcenter.web.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** api.md section 2: passwords of at least 8 characters, counted as a person counts them. */
class PasswordRuleTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static Set<String> invalid(String password) {
        NewUserRequest created = new NewUserRequest("ana", "Ana", password, "101", "agent", null, null, null, null);
        UserChangesRequest changed = new UserChangesRequest(null, null, null, null, password, null, null, null, null, null);
        Set<String> created1 = names(validator.validate(created));
        assertEquals(created1, names(validator.validate(changed)), "the same rule when a password is changed");
        return created1;
    }

    private static Set<String> names(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }

    @Test
    void fourEmojiAreFourCharactersNotEight() {
        assertEquals(Set.of("password"), invalid("😀😀😀😀")); // 8 UTF-16 units
        assertEquals(Set.of("password"), invalid("Zoë123!"));
    }

    @Test
    void eightCharactersOfAnyKindAreEnoughAnd256TheMost() {
        for (String password : List.of("😀😀😀😀😀😀😀😀", "correct horse", "pässwörd", "line\nbreak", "x".repeat(256),
                "😀".repeat(256))) {
            assertEquals(Set.of(), invalid(password), password);
        }
        assertEquals(Set.of("password"), invalid("x".repeat(257)));
    }
}
