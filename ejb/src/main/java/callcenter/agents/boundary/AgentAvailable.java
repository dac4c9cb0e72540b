package callcenter.agents.boundary;

import java.util.UUID;

/**
 * An agent became available again (from away, or after its call), in the transaction that changed it: it is told
 * about the calls already waiting for it, which were offered while it could not take them and would otherwise stay
 * invisible on its dashboard until they end (a ring-all call is offered once, to the agents available then).
 */
public record AgentAvailable(UUID agentId) {
}
