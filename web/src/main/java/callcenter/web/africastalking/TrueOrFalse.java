package callcenter.web.africastalking;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A flag given as {@code true}/{@code false} or as the strings {@code "true"}/{@code "false"}, which the Africa's
 * Talking SDKs send. The field is bound as {@code Object} (a JSON boolean or string) and read with
 * {@link Check#value}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Constraint(validatedBy = TrueOrFalse.Check.class)
public @interface TrueOrFalse {
    String message() default "must be true or false";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check, and the reading of a checked value. */
    final class Check implements ConstraintValidator<TrueOrFalse, Object> {

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            return value == null || value instanceof Boolean || "true".equals(value) || "false".equals(value);
        }

        /** A checked flag as a Boolean; null when it was absent. */
        public static Boolean value(Object checked) {
            return checked == null ? null : Boolean.valueOf(checked.toString());
        }
    }
}
