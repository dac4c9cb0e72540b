package callcenter.agents.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.agents.entity.AgentPresence;
import callcenter.events.Audience;
import callcenter.events.PushPublisher;
import callcenter.events.Push;
import callcenter.users.entity.User;

/**
 * Tells every registered agent, on every node, about a change of one agent's presence: {@code agent:updated},
 * published in the change's transaction and ordered by the agent's presence version, so a node never shows an
 * older state after a newer one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AgentUpdates {

    @Inject
    PushPublisher publisher;

    public AgentView tell(User user, AgentPresence presence) {
        AgentView view = AgentView.of(user, presence);
        publisher.publish(updated(view, presence.version()));
        return view;
    }

    static Push updated(AgentView view, long version) {
        return Push.of("agent:updated", view, Audience.agents()).ordered("agent:" + view.agentId(), version);
    }
}
