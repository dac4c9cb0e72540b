package callcenter.routing.control;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.events.Audience;

/**
 * The {@code ring-all} strategy (api.md sections 3, 5 and 7): a waiting call is offered to every available member of
 * its queue at once, and the first accept wins. When every available agent is a member (the default queue, where
 * every user starts), that is one push to the available agents, resolved by each node against its own sockets, as
 * before queues; otherwise one push per member.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class RingAll {

    @Inject
    Candidates candidates;

    public Offer offer(Collection<String> queues) {
        Candidates.Available available = candidates.available(queues);
        if (available.everyoneIsAMember()) {
            return new Offer(List.of(Audience.available()), available.agents());
        }
        List<UUID> members = candidates.availableMembers(queues);
        return new Offer(members.stream().map(Audience::user).toList(), members.size());
    }

    /** The members of {@code widened} who are not already members of {@code queues}: the overflow's new audience. */
    public Offer widen(Collection<String> queues, Collection<String> widened) {
        Set<UUID> already = Set.copyOf(candidates.availableMembers(queues));
        List<UUID> added = candidates.availableMembers(widened).stream().filter(id -> !already.contains(id)).toList();
        return new Offer(added.stream().map(Audience::user).toList(), added.size());
    }
}
