package callcenter.providers.telnyx.boundary;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.calls.boundary.CallView;
import callcenter.calls.boundary.CarrierCalls;
import callcenter.calls.entity.CallLog;
import callcenter.common.Actor;
import callcenter.common.CallCenterException;
import callcenter.common.JsonP;
import callcenter.idempotency.boundary.IdempotencyKeys;
import callcenter.idempotency.boundary.IdempotencyRecords;
import callcenter.idempotency.boundary.RequestHash;
import callcenter.platform.PhoneNumbers;
import callcenter.providers.CarrierNumbers;
import callcenter.providers.CarrierReplays;
import callcenter.providers.ProviderException;
import callcenter.providers.telnyx.control.ClientState;
import callcenter.providers.telnyx.control.CommandIds;
import callcenter.providers.telnyx.control.TelnyxClient;
import callcenter.providers.telnyx.control.TelnyxSettings;
import callcenter.providers.telnyx.control.WebhookLog;

/**
 * Telnyx calls placed and commanded through the API (api.md section 4): outbound calls, and answer, transfer to a
 * WebRTC client, DTMF and hangup on a live call. No database transaction is ever held open across an HTTP call to
 * Telnyx: the call is logged and committed first, then Telnyx is called, then the outcome is written in a
 * transaction of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TelnyxCalls {

    /** send_dtmf's alphabet (providers.md 2.2): digits, A-D, * and #, w (0.5 s) and W (1 s) pauses. */
    public static final String DTMF_DIGITS = "[0-9A-D*#wW]{1,64}";
    /** The user part of sip:<user>@sip.telnyx.com: no characters that could change the URI. */
    private static final String OUTBOUND = "telnyx.outbound";

    public static final String SIP_USER = "[A-Za-z0-9._~+-]{1,128}";

    @Inject
    TelnyxClient client;

    @Inject
    TelnyxSettings telnyx;

    @Inject
    CarrierCalls calls;

    @Inject
    PhoneNumbers phoneNumbers;

    @Inject
    CarrierNumbers numbers;

    @Inject
    IdempotencyRecords idempotency;

    @Inject
    WebhookLog webhooks;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    /**
     * Dials through Telnyx and answers the call ({@code dialing}, with its callControlId). A refusal or timeout is a
     * 502/504 and the call stays logged as {@code failed} with Telnyx's words in its timeline. Under an
     * Idempotency-Key the key is claimed (committed) first, so of two requests with one key only one dials; a retry
     * gets the same call, or the first refusal again (api.md section 1).
     */
    public Placed outbound(OutboundCall request, String idempotencyKey, Actor caller) {
        CarrierNumbers.requireDialer(caller);
        String to = phoneNumbers.normalize(request.to(), "to");
        String key = IdempotencyKeys.check(idempotencyKey);
        telnyx.apiKey();
        telnyx.connectionId();
        telnyx.apiUrl();
        String from = numbers.callerNumber(request.from(), List.of(defaultCallerNumber()), "TELNYX_PHONE_NUMBER");
        String principal = caller.principalKey();
        if (key != null) {
            IdempotencyRecords.Claim claim = idempotency.claim(principal, key, RequestHash.of(OUTBOUND, request));
            if (!claim.fresh()) {
                if (CarrierReplays.wasRefused(claim)) {
                    throw CarrierReplays.again(TelnyxClient.PROVIDER, claim);
                }
                return new Placed(calls.view(claim.callId()).orElseThrow(() -> CallCenterException.notFound(
                        "The call started with this Idempotency-Key no longer exists")), true);
            }
        }
        UUID callId = UUID.randomUUID();
        try {
            return new Placed(dial(callId, to, from, caller, key), false);
        } catch (RuntimeException e) {
            throw CarrierReplays.settle(idempotency, principal, key, callId, e);
        }
    }

    /** A call placed by {@link #outbound}, and whether it is the answer given again to a retry. */
    public record Placed(CallView call, boolean replayed) {
    }

    private CallView dial(UUID callId, String to, String from, Actor caller, String key) {
        String webhookUrl = telnyx.backendUrl() + "/webhooks/voice";
        calls.carrierOutbound(callId, CallLog.CHANNEL_TELNYX, TelnyxClient.PROVIDER, null, to,
                caller.isUser() ? caller.id() : null, caller.isClient() ? caller.id() : null, caller.principalKey(),
                JsonP.createObjectBuilder().add("destination", to).add("from", from).build());
        String commandId = CommandIds.forCall(callId, "dial");
        TelnyxClient.Dialed dialed;
        try {
            dialed = client.dial(to, from, webhookUrl, commandId, ClientState.of(callId));
        } catch (ProviderException e) {
            calls.carrierFailed(callId, e.hangupCause(),
                    JsonP.createObjectBuilder().add("command", "dial").add("error", e.detail())
                            .add("commandId", commandId).build());
            throw e.with("callId", callId);
        }
        context.getBusinessObject(TelnyxCalls.class).dialed(callId, dialed, commandId, caller.principalKey(), key);
        return calls.view(callId).orElseThrow();
    }

    /** TELNYX_PHONE_NUMBER in E.164; a value that is no phone number is the operator's mistake (503), not the caller's. */
    private String defaultCallerNumber() {
        try {
            return phoneNumbers.normalize(telnyx.phoneNumber(), "TELNYX_PHONE_NUMBER");
        } catch (CallCenterException e) {
            if (e.status() != 400) {
                throw e;
            }
            throw CallCenterException.unavailable("Invalid setting TELNYX_PHONE_NUMBER: not a phone number")
                    .with("setting", "TELNYX_PHONE_NUMBER");
        }
    }

    /**
     * Telnyx placed the call: from now on the call follows its leg. The Idempotency-Key, if any, is completed in
     * the same transaction, so a retry after a crash finds either the dialled call or a claim it may take over.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void dialed(UUID callId, TelnyxClient.Dialed dialed, String commandId, String principal, String key) {
        if (key != null) {
            idempotency.complete(principal, key, 201, callId, null);
        }
        // Also true when the leg's first webhook arrived first and attached it through client_state.
        calls.attachCallControlId(callId, CallLog.CHANNEL_TELNYX, dialed.callControlId());
        JsonObjectBuilder data = JsonP.createObjectBuilder().add("callControlId", dialed.callControlId())
                .add("commandId", commandId);
        if (dialed.callSessionId() != null) {
            data.add("callSessionId", dialed.callSessionId());
        }
        if (dialed.callLegId() != null) {
            data.add("callLegId", dialed.callLegId());
        }
        calls.carrierEvent(callId, "provider.dial", data.build());
    }

    public void answer(String callControlId, String idempotencyKey, Actor caller) {
        send(callControlId, "answer", () -> JsonObject.EMPTY_JSON_OBJECT, idempotencyKey, caller);
    }

    public void hangup(String callControlId, String idempotencyKey, Actor caller) {
        send(callControlId, "hangup", () -> JsonObject.EMPTY_JSON_OBJECT, idempotencyKey, caller);
    }

    /** Transfers the call to a WebRTC client: {@code sipUsername} ({@link #SIP_USER}), else TELNYX_WEBRTC_USERNAME. */
    public void connectWebrtc(String callControlId, String sipUsername, String idempotencyKey, Actor caller) {
        send(callControlId, "transfer", () -> JsonP.createObjectBuilder().add("to",
                TelnyxClient.sipUri(sipUsername == null ? telnyx.webrtcUsername() : sipUsername)).build(),
                idempotencyKey, caller);
    }

    /** Sends {@code digits} ({@link #DTMF_DIGITS}) as tones. */
    public void sendDtmf(String callControlId, String digits, String idempotencyKey, Actor caller) {
        send(callControlId, "send_dtmf", () -> JsonP.createObjectBuilder().add("digits", digits).build(),
                idempotencyKey, caller);
    }

    /**
     * One command on a live Telnyx call. Its {@code command_id} is derived from the Idempotency-Key when there is
     * one, so Telnyx ignores a retry of the same request (for 60 s, as Telnyx documents). Nothing is sent when the
     * call is unknown or not the client's (404), when it is over (409, below), or Telnyx is not configured (503).
     * The body is made only then, so that a default setting it needs is asked for last.
     */
    private void send(String callControlId, String action, Supplier<JsonObject> body, String idempotencyKey,
                      Actor caller) {
        String key = IdempotencyKeys.check(idempotencyKey);
        CarrierNumbers.requireDialer(caller);
        CallLog call = callOf(callControlId, caller);
        // Telnyx refuses a command on a leg that has hung up, so a final call gets nothing sent and a 409 like the
        // platform's own end of an ended call, not a 502 and a command_failed entry. One exception: a hangup while
        // Telnyx has not reported the leg's end (the platform ended the call and its own hangup may have failed).
        if (call.status().isFinal()
                && (!"hangup".equals(action) || webhooks.earlierHangup(callControlId).isPresent())) {
            throw calls.alreadyEnded(call.id());
        }
        telnyx.apiKey();
        JsonObject sent = body.get();
        String commandId = CommandIds.forRequest(callControlId, action, caller.principalKey(), key);
        // "command" is api.md's name for the command; "action" stays for readers of older timelines.
        JsonObjectBuilder entry = JsonP.createObjectBuilder(sent).add("command", action).add("action", action)
                .add("commandId", commandId)
                .add("by", caller.principalKey());
        try {
            client.command(callControlId, action, sent, commandId);
        } catch (ProviderException e) {
            calls.carrierEvent(call.id(), "command_failed", entry.add("error", e.detail()).build());
            throw e.with("callId", call.id());
        }
        calls.carrierEvent(call.id(), "provider.command", entry.build());
    }

    /** The Telnyx call of a call control id, if {@code caller} may command it (a client only the calls it started). */
    private CallLog callOf(String callControlId, Actor caller) {
        List<CallLog> found = callControlId == null || callControlId.length() > 128 ? List.of()
                : em.createQuery("SELECT c FROM CallLog c WHERE c.providerCallControlId = :leg AND c.channel = :telnyx",
                        CallLog.class).setParameter("leg", callControlId).setParameter("telnyx", CallLog.CHANNEL_TELNYX)
                .getResultList();
        if (found.isEmpty() || (caller.isClient() && !caller.id().equals(found.get(0).createdByClientId()))) {
            throw CallCenterException.notFound("No Telnyx call " + callControlId);
        }
        return found.get(0);
    }
}
