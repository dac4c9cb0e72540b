package callcenter.web.json;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import callcenter.common.CallCenterException;
import callcenter.platform.PhoneNumbers;

/** Checks {@link PhoneNumber} with the same rules that later normalize the number. */
public class PhoneNumberValidator implements ConstraintValidator<PhoneNumber, String> {

    /** The default region when the server's settings are not at hand (a unit test's plain validator). */
    static final String FALLBACK_REGION = "KE";

    @Inject
    PhoneNumbers phoneNumbers;

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || value.isBlank()) {
            return true; // "required" is @NotBlank's job, so a blank number is reported once
        }
        try {
            if (phoneNumbers != null) {
                phoneNumbers.normalize(value, "value");
            } else {
                PhoneNumbers.normalize(value, FALLBACK_REGION, "value");
            }
            return true;
        } catch (CallCenterException e) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(e.errors().isEmpty() ? "is not a phone number"
                    : e.errors().get(0).message()).addConstraintViolation();
            return false;
        }
    }
}
