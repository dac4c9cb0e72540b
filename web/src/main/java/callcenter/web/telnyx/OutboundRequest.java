package callcenter.web.telnyx;

import jakarta.validation.constraints.NotBlank;

import callcenter.providers.telnyx.boundary.OutboundCall;
import callcenter.web.json.PhoneNumber;

/** {@code POST /api/voice/calls/outbound}: {@code {"to","from"?}}; without {@code from}, TELNYX_PHONE_NUMBER calls. */
public record OutboundRequest(@NotBlank(message = "is required") @PhoneNumber String to, @PhoneNumber String from) {

    OutboundCall command() {
        return new OutboundCall(to.trim(), Blank.asAbsent(from));
    }
}
