package callcenter.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import callcenter.common.CallCenterException;

/** Normalizes phone numbers to E.164, reading national numbers in the configured default region. */
@ApplicationScoped
public class PhoneNumbers {

    private static final int MAX_INPUT = 64;

    @Inject
    Settings settings;

    /** The E.164 form of {@code raw}, or a 400 naming {@code field}. */
    public String normalize(String raw, String field) {
        return normalize(raw, settings.defaultRegion(), field);
    }

    public static String normalize(String raw, String region, String field) {
        if (raw == null || raw.isBlank()) {
            throw CallCenterException.invalid(field, "is required");
        }
        if (raw.length() > MAX_INPUT) {
            throw CallCenterException.invalid(field, "is not a phone number");
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        Phonenumber.PhoneNumber number;
        try {
            number = util.parse(raw.trim(), region);
        } catch (NumberParseException e) {
            throw CallCenterException.invalid(field, "is not a phone number");
        }
        if (!util.isValidNumber(number)) {
            throw CallCenterException.invalid(field, "is not a valid phone number (national numbers are read as "
                    + region + ")");
        }
        return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }
}
