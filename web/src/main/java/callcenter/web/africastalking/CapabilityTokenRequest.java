package callcenter.web.africastalking;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import callcenter.providers.africastalking.boundary.TokenRequest;
import callcenter.web.json.Alias;
import callcenter.web.json.OptionalBody;
import callcenter.web.json.PhoneNumber;

/**
 * {@code POST /api/africastalking/capability-token}: {@code {"clientName"?,"phoneNumber"?}} (the seed's
 * {@code client_name} and {@code phone_number} too), plus the optional {@code incoming}, {@code outgoing} and
 * {@code lifeTimeSec} of AT's own request. Every field is optional, so is the body.
 */
@OptionalBody
public record CapabilityTokenRequest(
        @Pattern(regexp = TokenRequest.CLIENT_NAME, message = "must be 1 to 64 of A-Z, a-z, 0-9 and _")
        @Alias("client_name") String clientName,
        @PhoneNumber @Alias("phone_number") String phoneNumber,
        @TrueOrFalse Object incoming,
        @TrueOrFalse Object outgoing,
        @Min(value = 60, message = LIFETIME) @Max(value = 86_400, message = LIFETIME)
        @Alias("life_time_sec") Integer lifeTimeSec) {

    static final String LIFETIME = "must be a whole number from 60 to 86400";

    TokenRequest command() {
        return new TokenRequest(clientName, phoneNumber, TrueOrFalse.Check.value(incoming),
                TrueOrFalse.Check.value(outgoing), lifeTimeSec);
    }
}
