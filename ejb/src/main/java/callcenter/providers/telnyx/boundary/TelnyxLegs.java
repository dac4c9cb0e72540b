package callcenter.providers.telnyx.boundary;

import java.util.UUID;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import callcenter.calls.boundary.CarrierCalls;
import callcenter.calls.boundary.CarrierLeg;
import callcenter.calls.entity.CallLog;
import callcenter.common.CallCenterException;
import callcenter.common.JsonP;
import callcenter.providers.telnyx.control.CommandIds;
import callcenter.providers.telnyx.control.TelnyxClient;
import callcenter.providers.telnyx.control.TelnyxSettings;
import callcenter.providers.telnyx.control.WebhookLog;
import callcenter.users.boundary.CarrierIdentities;
import callcenter.users.boundary.CarrierIdentity;

/**
 * What the platform tells Telnyx on its own about an inbound call: once an agent's accept has committed, answer the
 * leg and transfer it to that agent's WebRTC client; once a ring timeout made it {@code missed}, hang it up. Runs
 * asynchronously after the commit, so neither the accept nor the webhook that offered the call waits for Telnyx;
 * a failure is put in the call's timeline as {@code command_failed} (and pushed), and the accept stands.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TelnyxLegs {

    private static final Logger LOG = Logger.getLogger(TelnyxLegs.class.getName());

    @Inject
    TelnyxClient client;

    @Inject
    TelnyxSettings telnyx;

    @Inject
    CarrierCalls calls;

    @Inject
    CarrierIdentities users;

    @Inject
    WebhookLog webhooks;

    @Resource
    SessionContext context;

    /** Observer of {@link CarrierLeg}: only after the change committed, and only for Telnyx legs. */
    public void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CarrierLeg leg) {
        if (!CallLog.CHANNEL_TELNYX.equals(leg.channel())) {
            return;
        }
        // Through the container's proxy, so that @Asynchronous applies: the committing thread returns at once.
        TelnyxLegs self = context.getBusinessObject(TelnyxLegs.class);
        switch (leg.change()) {
            case ACCEPTED -> self.answerAndTransfer(leg.callId(), leg.callControlId(), leg.agentId());
            case MISSED, ENDED -> self.hangUp(leg.callId(), leg.callControlId());
        }
    }

    @Asynchronous
    public void answerAndTransfer(UUID callId, String callControlId, UUID agentId) {
        if (webhooks.answered(callControlId) || send(callId, callControlId, "answer", null)) {
            String user;
            try {
                user = sipUserOf(agentId);
            } catch (CallCenterException e) {
                failed(callId, "transfer", null, e);
                return;
            }
            send(callId, callControlId, "transfer", TelnyxClient.sipUri(user));
        }
    }

    @Asynchronous
    public void hangUp(UUID callId, String callControlId) {
        send(callId, callControlId, "hangup", null);
    }

    /** One command with a command_id derived from the call, so that a repeat of this work is not done twice. */
    private boolean send(UUID callId, String callControlId, String action, String to) {
        String commandId = CommandIds.forCall(callId, action);
        try {
            JsonObject body = to == null ? JsonObject.EMPTY_JSON_OBJECT : JsonP.createObjectBuilder().add("to", to).build();
            client.command(callControlId, action, body, commandId);
            calls.carrierEvent(callId, "provider.command", JsonP.createObjectBuilder(body).add("command", action).add("action", action)
                    .add("commandId", commandId).add("by", "platform").build());
            return true;
        } catch (CallCenterException e) {
            failed(callId, action, commandId, e);
            return false;
        } catch (RuntimeException e) {
            LOG.warning("Telnyx " + action + " for call " + callId + " failed: " + e.getClass().getSimpleName());
            failed(callId, action, commandId, CallCenterException.badRequest("Unexpected failure: "
                    + e.getClass().getSimpleName()));
            return false;
        }
    }

    private void failed(UUID callId, String action, String commandId, CallCenterException e) {
        LOG.info(() -> "Telnyx " + action + " for call " + callId + " failed: " + e.detail());
        // api.md section 3: {"command","error"}; action, status and commandId are kept for operators.
        var data = JsonP.createObjectBuilder().add("command", action).add("action", action).add("status", e.status())
                .add("error", e.detail());
        if (commandId != null) {
            data.add("commandId", commandId);
        }
        calls.carrierCommandFailed(callId, data.build());
    }

    /** The agent's own SIP user, else TELNYX_WEBRTC_USERNAME. */
    private String sipUserOf(UUID agentId) {
        return users.of(agentId).map(CarrierIdentity::sipUsername).orElseGet(telnyx::webrtcUsername);
    }
}
