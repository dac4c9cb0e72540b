package callcenter.providers.telnyx.boundary;

import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.calls.boundary.CallView;
import callcenter.calls.boundary.CarrierCalls;
import callcenter.calls.entity.CallLog;
import callcenter.common.JsonP;
import callcenter.common.Times;
import callcenter.providers.CarrierNumbers;
import callcenter.providers.telnyx.control.ClientState;
import callcenter.providers.telnyx.control.TelnyxClient;
import callcenter.providers.telnyx.control.TelnyxSettings;
import callcenter.providers.telnyx.control.WebhookEvent;
import callcenter.providers.telnyx.control.WebhookLog;
import callcenter.providers.telnyx.control.WebhookSignature;
import callcenter.sms.boundary.SmsService;

/**
 * {@code POST /webhooks/voice} and {@code POST /webhooks/sms} (api.md section 4): verified against the raw body,
 * de-duplicated on {@code data.id}, then applied. Only database work happens here, so Telnyx gets its 2xx well within
 * its 2 s; carrier commands run after commits ({@link TelnyxLegs}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class TelnyxWebhooks {

    private static final Logger LOG = Logger.getLogger(TelnyxWebhooks.class.getName());

    @Inject
    TelnyxSettings telnyx;

    @Inject
    CarrierCalls calls;

    @Inject
    SmsService sms;

    @Inject
    WebhookLog log;

    @Inject
    CarrierNumbers numbers;

    @Inject
    TelnyxLegs legs;

    /** A voice event: it goes into the timeline of its leg's call and moves the call forward, never backwards. */
    public void voice(byte[] rawBody, String timestamp, String signature) {
        WebhookEvent event = verified(rawBody, timestamp, signature);
        if (!log.firstDelivery(event)) {
            return;
        }
        String leg = event.callControlId();
        if (leg == null) {
            LOG.fine(() -> "Telnyx voice event " + event.type() + " without a call_control_id");
            return;
        }
        Optional<CallView> known = calls.byCallControlId(leg).or(() -> byClientState(event, leg));
        if (known.isEmpty()) {
            if (event.startsInboundCall()) {
                inbound(event, leg);
            } else {
                // A leg we did not start and that is not an incoming call, such as the agent's leg of a transfer.
                LOG.fine(() -> "Telnyx " + event.type() + " for a leg the platform does not follow");
            }
            return;
        }
        UUID callId = known.get().id();
        calls.carrierEvent(callId, event.timelineType(), event.toTimeline());
        if (event.callChange() != WebhookEvent.CallChange.ENDED && calls.isFinal(known.get())) {
            // The leg lives on although the call is over: a dial that timed out here but reached Telnyx, or an
            // answer after the call ended. A final call never keeps a live leg, so it is hung up; unless Telnyx
            // has reported its hangup already (a call.cost, or a late call.answered): Telnyx would refuse the
            // command, and the ended call's timeline would gain a command_failed for nothing.
            if (log.earlierHangup(leg).isEmpty()) {
                legs.hangUp(callId, leg);
            }
            return;
        }
        switch (event.callChange()) {
            case ANSWERED -> calls.carrierAnswered(callId);
            case ENDED -> calls.carrierEnded(callId, causeOf(event), null, TelnyxClient.PROVIDER, event.hangupDetail());
            case NONE -> {
                // only the timeline entry
            }
        }
    }

    /** {@code message.received} is stored and pushed as {@code sms:received}; other message events are ignored. */
    public void sms(byte[] rawBody, String timestamp, String signature) {
        WebhookEvent event = verified(rawBody, timestamp, signature);
        if (!log.firstDelivery(event) || !"message.received".equals(event.type())) {
            return;
        }
        String messageId = event.field("id");
        sms.received(TelnyxClient.PROVIDER, messageId == null || messageId.length() > 128 ? null : messageId,
                CarrierNumbers.truncate(event.phoneNumber("from"), 64),
                CarrierNumbers.truncate(event.phoneNumber("to"), 64), event.field("text"), event.instant("received_at"));
    }

    /** The signature is checked before anything of the body is used; a missing key is a 503, a bad signature 403. */
    private WebhookEvent verified(byte[] rawBody, String timestamp, String signature) {
        WebhookSignature.verify(telnyx.publicKey(), timestamp, signature, rawBody, Times.now());
        return WebhookEvent.parse(rawBody);
    }

    /** An incoming call: {@code waiting} and offered to agents. It is answered only when an agent accepts it. */
    private void inbound(WebhookEvent event, String leg) {
        String from = event.field("from");
        String name = event.field("caller_id_name");
        var detail = JsonP.createObjectBuilder().add("callControlId", leg);
        if (event.field("to") != null) {
            detail.add("destinationNumber", event.field("to"));
        }
        CallView call = calls.carrierInbound(CallLog.CHANNEL_TELNYX, TelnyxClient.PROVIDER, null, leg,
                CarrierNumbers.truncate(name != null ? name : from, 200), numbers.e164OrNull(from), detail.build());
        calls.carrierEvent(call.id(), event.timelineType(), event.toTimeline());
        // The hangup overtook this call.initiated: the call is over already.
        log.earlierHangup(leg).ifPresent(cause -> calls.carrierEnded(call.id(), cause, null, TelnyxClient.PROVIDER,
                JsonP.createObjectBuilder().add("lateInitiated", true).build()));
    }

    /** Our own outbound call whose webhook arrived before the dial's answer was stored: found by its client_state. */
    private Optional<CallView> byClientState(WebhookEvent event, String leg) {
        UUID callId = ClientState.callIdOf(event.field("client_state"));
        if (callId == null || !calls.attachCallControlId(callId, CallLog.CHANNEL_TELNYX, leg)) {
            return Optional.empty();
        }
        return calls.byCallControlId(leg);
    }

    private static String causeOf(WebhookEvent event) {
        String cause = event.hangupCause();
        return cause == null ? WebhookEvent.UNSPECIFIED : cause;
    }
}
