package callcenter.agents.boundary;

import java.util.UUID;

import callcenter.agents.control.PresenceState;
import callcenter.agents.entity.AgentPresence;
import callcenter.agents.entity.AgentStatus;
import callcenter.users.boundary.StaffMember;
import callcenter.users.entity.User;

/**
 * An agent as {@code agents:list} and {@code agent:updated} show it; {@code status} is the wire name, {@code reason}
 * why the server set it away (api.md section 8), absent otherwise. One constructor only: every node reads it back
 * with JSON-B from {@code agent:updated} to follow the statuses, and a second one makes that fail.
 */
public record AgentView(UUID agentId, String agentName, String extension, String status, String reason) {

    /** An agent after a change of its presence. */
    static AgentView of(User user, AgentPresence presence) {
        return new AgentView(user.id(), user.displayName(), presence.extensionOr(user.extension()),
                presence.status().wireName(), presence.awayReason());
    }

    /** An agent of the list; {@code presence} is null for one who never registered, which is offline. */
    static AgentView of(StaffMember member, PresenceState presence) {
        return presence == null
                ? new AgentView(member.id(), member.displayName(), member.extension(), AgentStatus.OFFLINE.wireName(),
                        null)
                : new AgentView(member.id(), member.displayName(), presence.extensionOr(member.extension()),
                        presence.status().wireName(), presence.awayReason());
    }
}
