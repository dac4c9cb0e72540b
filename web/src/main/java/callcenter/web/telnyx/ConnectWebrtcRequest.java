package callcenter.web.telnyx;

import jakarta.validation.constraints.Pattern;

import callcenter.providers.telnyx.boundary.TelnyxCalls;
import callcenter.web.json.OptionalBody;

/** {@code POST /api/voice/calls/{callControlId}/connect-webrtc}: {@code {"sipUsername"?}}, else TELNYX_WEBRTC_USERNAME. */
@OptionalBody
public record ConnectWebrtcRequest(
        @Pattern(regexp = "\\s*(" + TelnyxCalls.SIP_USER + ")?\\s*",
                message = "must be 1 to 128 of A-Z, a-z, 0-9 and . _ ~ + -") String sipUsername) {

    /** The SIP user to transfer to; null for the default. */
    String sipUser() {
        return Blank.asAbsent(sipUsername);
    }
}
