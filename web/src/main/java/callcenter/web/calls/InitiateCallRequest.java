package callcenter.web.calls;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import callcenter.calls.boundary.InitiateCall;
import callcenter.web.json.Alias;
import callcenter.web.json.PhoneNumber;

/** {@code POST /api/calls/initiate}, under its own names or the seed backends' (api.md section 1). */
public record InitiateCallRequest(
        @NotBlank @Size(max = 200) @Alias({"caller_name", "client_name", "clientName"}) String callerName,
        @NotBlank @Size(max = 64) @PhoneNumber @Alias("phone_number") String phoneNumber,
        @Size(max = 100) @Alias("ivr_option") String ivrOption,
        @Size(max = 100) @Alias("queue_name") String queueName,
        // api.md section 7: raises the queue's priority (the higher of the two counts).
        @Min(0) @Max(9) Integer priority) {

    InitiateCall command() {
        return new InitiateCall(callerName, phoneNumber, ivrOption, queueName, priority);
    }
}
