package callcenter.agents.boundary;

import callcenter.calls.boundary.CallView;

/**
 * What an agent gets back when it registers a socket.
 *
 * @param self       the agent's own presence after registering
 * @param version    the presence version of that state (orders it among the agent's pushes)
 * @param activeCall the agent's own active call, handed back on reconnect; null when it has none
 */
public record Registration(AgentView self, long version, CallView activeCall) {
}
