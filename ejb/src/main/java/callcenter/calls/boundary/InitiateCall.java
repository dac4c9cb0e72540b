package callcenter.calls.boundary;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import callcenter.calls.control.JsonFields;

/** The body of {@code POST /api/calls/initiate}. */
public record InitiateCall(@NotBlank @Size(max = 200) String callerName,
                           @NotBlank @Size(max = 64) String phoneNumber,
                           @Size(max = 100) String ivrOption,
                           @Size(max = 100) String queueName) {

    static InitiateCall read(JsonFields body) {
        return new InitiateCall(
                body.string("callerName", "callerName", "caller_name", "client_name", "clientName"),
                body.string("phoneNumber", "phoneNumber", "phone_number"),
                body.string("ivrOption", "ivrOption", "ivr_option"),
                body.string("queueName", "queueName", "queue_name"));
    }
}
