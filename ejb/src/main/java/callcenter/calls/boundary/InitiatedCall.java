package callcenter.calls.boundary;

import java.util.UUID;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The answer to {@code POST /api/calls/initiate}: the call as {@link CallView} writes it, then the callerToken that
 * lets its caller open the WebSocket for it and end it.
 */
@JsonbNillable
@JsonbPropertyOrder({"id", "direction", "channel", "status", "callerName", "phoneNumber", "ivrOption", "queueName",
        "queue", "priority", "queuePosition", "estimatedWaitSeconds", "agent", "createdAt", "answeredAt", "endedAt",
        "durationSeconds", "hangupCause", "provider", "disposition", "note", "callerToken"})
public record InitiatedCall(UUID id, String direction, String channel, String status, String callerName,
                            String phoneNumber, String ivrOption, String queueName, CallView.Agent agent,
                            String createdAt, String answeredAt, String endedAt, Integer durationSeconds,
                            String hangupCause, CallView.Provider provider,
                            @JsonbNillable(false) String disposition, @JsonbNillable(false) JsonValue note,
                            String queue, int priority, Integer queuePosition, Integer estimatedWaitSeconds,
                            String callerToken) {

    static InitiatedCall of(CallView call, String callerToken) {
        return new InitiatedCall(call.id(), call.direction(), call.channel(), call.status(), call.callerName(),
                call.phoneNumber(), call.ivrOption(), call.queueName(), call.agent(), call.createdAt(),
                call.answeredAt(), call.endedAt(), call.durationSeconds(), call.hangupCause(), call.provider(),
                call.disposition(), call.note(), call.queue(), call.priority(), call.queuePosition(),
                call.estimatedWaitSeconds(), callerToken);
    }
}
