package callcenter.agents.control;

import java.util.UUID;

import callcenter.agents.entity.AgentStatus;

/**
 * One row of the agents list: an enabled user who takes calls and its presence, read together as a projection (no
 * managed entity per agent to load and dirty-check at commit); {@code status} is null for a user who never registered.
 *
 * @param registeredExtension the extension the agent registered with; null: its user's
 */
public record ListedAgent(UUID id, String displayName, String usersExtension, AgentStatus status,
                          String registeredExtension, String awayReason) {

    /** The extension the agent shows: the one it registered with, else the user's. */
    public String extension() {
        return registeredExtension != null ? registeredExtension : usersExtension;
    }
}
