package callcenter.routing.control;

import java.util.UUID;

import jakarta.json.bind.annotation.JsonbNillable;

import callcenter.calls.boundary.CallView;

/**
 * {@code call:incoming}: the seed's fields of a call offered to an agent, with its queue and priority (v7). Every
 * field is written, null ones too (a call initiated without {@code ivrOption} or {@code queueName}): api.md names
 * them all, as it does the call's.
 */
@JsonbNillable
public record Incoming(UUID callId, String callerName, String phoneNumber, String ivrOption, String queueName,
                       String channel, String timestamp, String queue, int priority) {

    public static Incoming of(CallView call) {
        return new Incoming(call.id(), call.callerName(), call.phoneNumber(), call.ivrOption(), call.queueName(),
                call.channel(), call.createdAt(), call.queue(), call.priority());
    }
}
