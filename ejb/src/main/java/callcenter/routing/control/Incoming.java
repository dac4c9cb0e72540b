package callcenter.routing.control;

import java.util.UUID;

import callcenter.calls.boundary.CallView;

/** {@code call:incoming}: the seed's fields of a call offered to an agent, with its queue and priority (v7). */
public record Incoming(UUID callId, String callerName, String phoneNumber, String ivrOption, String queueName,
                       String channel, String timestamp, String queue, int priority) {

    public static Incoming of(CallView call) {
        return new Incoming(call.id(), call.callerName(), call.phoneNumber(), call.ivrOption(), call.queueName(),
                call.channel(), call.createdAt(), call.queue(), call.priority());
    }
}
