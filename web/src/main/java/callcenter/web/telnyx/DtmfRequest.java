package callcenter.web.telnyx;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import callcenter.providers.telnyx.boundary.TelnyxCalls;

/** {@code POST /api/voice/calls/{callControlId}/dtmf}: {@code {"digits"}}, checked before anything is sent to Telnyx. */
public record DtmfRequest(
        @NotNull(message = DtmfRequest.DIGITS) @Pattern(regexp = "\\s*" + TelnyxCalls.DTMF_DIGITS + "\\s*",
                message = DtmfRequest.DIGITS) String digits) {

    static final String DIGITS = "must be 1 to 64 of 0-9, A-D, *, #, w and W";

    String tones() {
        return digits.trim();
    }
}
