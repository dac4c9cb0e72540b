package callcenter.agents.boundary;

import java.util.List;

import callcenter.calls.boundary.CallView;

/**
 * What an agent gets back when it registers a socket.
 *
 * @param self       the agent's own presence after registering
 * @param version    the presence version of that state (orders it among the agent's pushes)
 * @param agents     every enabled agent, supervisor and admin with its status
 * @param activeCall the agent's own active call, handed back on reconnect; null when it has none
 */
public record Registration(AgentView self, long version, List<AgentView> agents, CallView activeCall) {
}
