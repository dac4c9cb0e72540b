package callcenter.agents.control;

import java.util.UUID;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.calls.boundary.CallService;

/** Ends the active call of an agent whose grace period passed without a reconnect ({@code agent_disconnected}). */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AgentDisconnects {

    private static final Logger LOG = Logger.getLogger(AgentDisconnects.class.getName());

    @Inject
    CallService calls;

    public void agentGone(UUID callId, UUID agentId) {
        if (calls.endForDisconnectedAgent(callId, agentId)) {
            LOG.info("Call " + callId + " ended: its agent did not come back within the grace period");
        }
    }
}
