package callcenter.routing.control;

import java.util.List;
import java.util.UUID;

import callcenter.events.Audience;
import callcenter.events.Push;

/**
 * Who a waiting call is offered to, as a routing strategy decided it: the audiences that get {@code call:incoming},
 * and how many agents that is (the {@code offered} timeline entry).
 */
public record Offer(List<Audience> audiences, int agents) {

    /**
     * The {@code call:incoming} of each audience, ordered among the call's changes; the call serialised once. Meant
     * for one {@code publish} (one JMS session and producer for all of them: an offer to each member of a queue is
     * one message per member).
     */
    public List<Push> pushes(Incoming call, UUID callId, long version) {
        if (audiences.isEmpty()) {
            return List.of();
        }
        String data = Push.of("call:incoming", call, audiences.get(0)).data();
        return audiences.stream().map(audience -> Push.of("call:incoming", data, audience).forCall(callId, version))
                .toList();
    }
}
