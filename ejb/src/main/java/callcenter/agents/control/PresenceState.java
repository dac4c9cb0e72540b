package callcenter.agents.control;

import java.util.UUID;

import callcenter.agents.entity.AgentStatus;

/**
 * What the agents list shows of one presence row, read as a projection: a list read per registration must not load
 * (and then dirty-check at commit) a managed entity per agent. With 200 agents and a drained node's 70 dashboards
 * registering at once on a node, loading the entities took 1.1 to 1.8 s of each registration (issue 15).
 *
 * @param extension the extension the agent registered with; null: its user's
 */
public record PresenceState(UUID userId, AgentStatus status, String extension, String awayReason) {

    /** The extension the agent shows: the one it registered with, else {@code usersExtension}. */
    public String extensionOr(String usersExtension) {
        return extension != null ? extension : usersExtension;
    }
}
