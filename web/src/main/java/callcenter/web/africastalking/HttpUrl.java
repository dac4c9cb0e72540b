package callcenter.web.africastalking;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An absolute http or https URL with a host, at most 2000 characters (a callback AT can reach); null is valid. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Constraint(validatedBy = HttpUrl.Check.class)
public @interface HttpUrl {
    String message() default "must be an http or https URL";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check. */
    final class Check implements ConstraintValidator<HttpUrl, String> {

        static final int MAX_LENGTH = 2000;

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                URI uri = URI.create(value.trim());
                return value.length() <= MAX_LENGTH && uri.getHost() != null
                        && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
