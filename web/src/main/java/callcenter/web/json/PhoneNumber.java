package callcenter.web.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A phone number that normalizes to E.164 with the configured default region ({@code CALLCENTER_DEFAULT_REGION}).
 * Null is valid (combine with {@code @NotBlank} for a required number); checked with the other constraints, so one
 * 400 names a bad number together with every other bad field.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Constraint(validatedBy = PhoneNumberValidator.class)
public @interface PhoneNumber {
    String message() default "is not a phone number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
