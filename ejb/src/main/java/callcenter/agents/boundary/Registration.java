package callcenter.agents.boundary;

import callcenter.events.Push;

/**
 * What an agent gets back when it registers a socket.
 *
 * @param self       the agent's own presence after registering
 * @param version    the presence version of that state (orders it among the agent's pushes)
 * @param activeCall the {@code call:accepted} of the agent's own active call, handed back on reconnect (ordered by
 *                   the call's version); null when it has none
 */
public record Registration(AgentView self, long version, Push activeCall) {
}
