package callcenter.providers.africastalking;

import java.util.regex.Pattern;

import jakarta.json.JsonObject;

import callcenter.common.FieldError;

/**
 * The body of {@code POST /api/africastalking/capability-token}: {@code {"clientName"?,"phoneNumber"?}} (snake_case
 * {@code client_name}, {@code phone_number} too), plus the optional {@code incoming}, {@code outgoing} and
 * {@code lifeTimeSec} of AT's own request.
 */
public record TokenRequest(String clientName, String phoneNumber, Boolean incoming, Boolean outgoing,
                           Integer lifeTimeSec) {

    /** AT: "without space characters"; ours are usernames with everything outside [A-Za-z0-9_] replaced. */
    static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    static TokenRequest read(JsonObject body) {
        MakeCall.Fields fields = new MakeCall.Fields(body);
        TokenRequest request = new TokenRequest(
                fields.string("clientName", "clientName", "client_name"),
                fields.string("phoneNumber", "phoneNumber", "phone_number"),
                fields.bool("incoming", "incoming"),
                fields.bool("outgoing", "outgoing"),
                fields.integer("lifeTimeSec", 60, CapabilityToken.MAX_LIFETIME_SECONDS, "lifeTimeSec", "life_time_sec"));
        if (request.clientName() != null && !CLIENT_NAME.matcher(request.clientName()).matches()) {
            fields.errors.add(new FieldError("clientName", "must be 1 to 64 of A-Z, a-z, 0-9 and _"));
        }
        fields.check();
        return request;
    }
}
