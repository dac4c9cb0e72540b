package callcenter.providers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import callcenter.common.CallCenterException;
import callcenter.platform.PhoneNumbers;

/**
 * Numbers as carriers report them. A carrier's caller or dialed number is not always a phone number (a SIP address,
 * "anonymous", an AT client name), so it is kept in E.164 when it is one and dropped otherwise, never refused.
 */
@ApplicationScoped
public class CarrierNumbers {

    @Inject
    PhoneNumbers phoneNumbers;

    /** {@code raw} in E.164, or null when it is no phone number. */
    public String e164OrNull(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return phoneNumbers.normalize(raw, "phoneNumber");
        } catch (CallCenterException notANumber) {
            return null;
        }
    }

    /** At most {@code max} characters of a carrier's free text, so that a column never overflows. */
    public static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
