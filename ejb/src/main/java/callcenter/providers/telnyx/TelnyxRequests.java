package callcenter.providers.telnyx;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import callcenter.common.CallCenterException;
import callcenter.common.FieldError;

/** The bodies of the Telnyx endpoints under {@code /api/voice}, checked before anything is sent to Telnyx. */
public final class TelnyxRequests {

    /** send_dtmf's alphabet (providers.md 2.2): digits, A-D, * and #, w (0.5 s) and W (1 s) pauses. */
    static final Pattern DTMF = Pattern.compile("[0-9A-D*#wW]{1,64}");
    /** The user part of sip:<user>@sip.telnyx.com: no characters that could change the URI. */
    static final Pattern SIP_USER = Pattern.compile("[A-Za-z0-9._~+-]{1,128}");

    /** {@code {"to","from"?}} of an outbound call. */
    public record Outbound(String to, String from) {
    }

    private TelnyxRequests() {
    }

    static Outbound outbound(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        String to = string(body, "to", errors);
        String from = string(body, "from", errors);
        if (to == null && errors.isEmpty()) {
            errors.add(new FieldError("to", "is required"));
        }
        check(errors);
        return new Outbound(to, from);
    }

    /** {@code {"digits"}}: 1 to 64 of 0-9, A-D, *, #, w and W. */
    static String digits(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        String digits = string(body, "digits", errors);
        if (errors.isEmpty() && (digits == null || !DTMF.matcher(digits).matches())) {
            errors.add(new FieldError("digits", "must be 1 to 64 of 0-9, A-D, *, #, w and W"));
        }
        check(errors);
        return digits;
    }

    /** {@code {"sipUsername"?}}: null when absent (the default WebRTC user is then used). */
    static String sipUsername(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        String user = string(body, "sipUsername", errors);
        if (user != null && !SIP_USER.matcher(user).matches()) {
            errors.add(new FieldError("sipUsername", "must be 1 to 128 of A-Z, a-z, 0-9 and . _ ~ + -"));
        }
        check(errors);
        return user;
    }

    private static String string(JsonObject body, String name, List<FieldError> errors) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString s && s.getString().length() <= 2000) {
            return s.getString().isBlank() ? null : s.getString().trim();
        }
        errors.add(new FieldError(name, value instanceof JsonString ? "is too long" : "must be a string"));
        return null;
    }

    private static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw CallCenterException.invalid(errors);
        }
    }
}
