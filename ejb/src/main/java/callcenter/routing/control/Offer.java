package callcenter.routing.control;

import java.util.List;

import callcenter.events.Audience;

/**
 * Who a waiting call is offered to, as a routing strategy decided it: the audiences that get {@code call:incoming},
 * and how many agents that is (the {@code offered} timeline entry).
 */
public record Offer(List<Audience> audiences, int agents) {
}
