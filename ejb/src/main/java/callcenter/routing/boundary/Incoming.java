package callcenter.routing.boundary;

import java.util.UUID;

import callcenter.calls.boundary.CallView;

/** {@code call:incoming}: the seed's fields of a call offered to an agent. */
public record Incoming(UUID callId, String callerName, String phoneNumber, String ivrOption, String queueName,
                       String channel, String timestamp) {

    static Incoming of(CallView call) {
        return new Incoming(call.id(), call.callerName(), call.phoneNumber(), call.ivrOption(), call.queueName(),
                call.channel(), call.createdAt());
    }
}
