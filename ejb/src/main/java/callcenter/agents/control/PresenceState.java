package callcenter.agents.control;

import java.util.UUID;

import callcenter.agents.entity.AgentStatus;

/**
 * What the agents list shows of one presence row, read as a projection: reading the list need not load (and then
 * dirty-check at commit) a managed entity per agent. In the rolling restart with 200 agents (issue 15) this alone
 * took the list's share of a registration in a burst from 0.9-1.8 s to 0.9-1.1 s; one read per batch of
 * registering sockets (the web module's AgentsLists) did the rest.
 *
 * @param extension the extension the agent registered with; null: its user's
 */
public record PresenceState(UUID userId, AgentStatus status, String extension, String awayReason) {

    /** The extension the agent shows: the one it registered with, else {@code usersExtension}. */
    public String extensionOr(String usersExtension) {
        return extension != null ? extension : usersExtension;
    }
}
