package callcenter.web.africastalking;

import jakarta.validation.constraints.NotBlank;

import callcenter.providers.africastalking.boundary.MakeCall;
import callcenter.web.json.Alias;
import callcenter.web.json.PhoneNumber;

/**
 * {@code POST /api/africastalking/make-call}: {@code {"to","from"?,"record"?,"callbackUrl"?}}, with the seed's
 * {@code from_} and {@code callback_url}.
 */
public record MakeCallRequest(@NotBlank(message = "is required") @PhoneNumber String to,
                              @PhoneNumber @Alias("from_") String from,
                              @TrueOrFalse Object record,
                              @HttpUrl @Alias("callback_url") String callbackUrl) {

    MakeCall command() {
        return new MakeCall(to, from, TrueOrFalse.Check.value(record), callbackUrl);
    }
}
