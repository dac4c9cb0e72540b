package callcenter.agents.boundary;

import java.util.UUID;

import jakarta.json.bind.annotation.JsonbNillable;

import callcenter.agents.control.ListedAgent;
import callcenter.agents.entity.AgentPresence;
import callcenter.agents.entity.AgentStatus;
import callcenter.users.entity.User;

/**
 * An agent as {@code agents:list} and {@code agent:updated} show it; {@code status} is the wire name, {@code reason}
 * why the server set it away (api.md section 8), absent otherwise; {@code extension} is written also when null (an
 * agent without one), as api.md names it. One constructor only: every node reads it back
 * with JSON-B from {@code agent:updated} to follow the statuses, and a second one makes that fail.
 */
public record AgentView(UUID agentId, String agentName, @JsonbNillable String extension, String status, String reason) {

    /** An agent after a change of its presence. */
    static AgentView of(User user, AgentPresence presence) {
        return new AgentView(user.id(), user.displayName(), presence.extensionOr(user.extension()),
                presence.status().wireName(), presence.awayReason());
    }

    /** An agent of the list: one who never registered is offline. */
    static AgentView of(ListedAgent agent) {
        AgentStatus status = agent.status() == null ? AgentStatus.OFFLINE : agent.status();
        return new AgentView(agent.id(), agent.displayName(), agent.extension(), status.wireName(), agent.awayReason());
    }
}
