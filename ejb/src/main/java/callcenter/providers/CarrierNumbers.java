package callcenter.providers;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import callcenter.common.Actor;
import callcenter.common.CallCenterException;
import callcenter.platform.PhoneNumbers;

/**
 * The platform's own caller numbers (who may dial, and from which number), and numbers as carriers report them.
 * <p>
 * A carrier's caller or dialed number is not always a phone number (a SIP address,
 * "anonymous", an AT client name), so it is kept in E.164 when it is one and dropped otherwise, never refused.
 */
@ApplicationScoped
public class CarrierNumbers {

    @Inject
    PhoneNumbers phoneNumbers;

    /**
     * The caller number of an outbound carrier call. {@code from} must be one of the platform's own numbers for that
     * carrier, whoever asks (api.md section 4, a guard against toll fraud: a leaked token must not place calls that
     * show any number it likes); without one, the first of them.
     *
     * @param from       the requested caller number as sent, or null
     * @param configured the carrier's numbers as configured, not empty (a carrier without one answered 503 before)
     * @param setting    the setting that holds them, named in the 400
     */
    public String callerNumber(String from, List<String> configured, String setting) {
        if (from == null) {
            return configured.get(0);
        }
        String requested = phoneNumbers.normalize(from, "from");
        for (String own : configured) {
            String normalized = e164OrNull(own);
            if (requested.equals(normalized == null ? own : normalized)) {
                return own;
            }
        }
        throw CallCenterException.invalid("from", "must be one of the platform's numbers (" + setting + "): "
                + String.join(", ", configured));
    }

    /**
     * Refuses (403) a principal that may not use the carriers' call endpoints: an API client of scope {@code app}
     * (what a caller's mobile app holds) and a caller.
     */
    public static void requireDialer(Actor actor) {
        if (!actor.mayDial()) {
            throw CallCenterException.forbidden(actor.isClient()
                    ? "This API client's scope (app) does not allow carrier calls; an integrator client's does"
                    : "Your role does not allow this");
        }
    }

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
