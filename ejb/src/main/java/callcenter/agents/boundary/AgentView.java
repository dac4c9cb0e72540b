package callcenter.agents.boundary;

import java.util.UUID;

/** An agent as {@code agents:list} and {@code agent:updated} show it. */
public record AgentView(UUID agentId, String agentName, String extension, String status) {
}
