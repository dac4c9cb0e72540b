package callcenter.providers.telnyx;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

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

import callcenter.calls.boundary.CarrierCalls;
import callcenter.calls.boundary.CallView;
import callcenter.calls.entity.HangupCauses;
import callcenter.idempotency.boundary.IdempotencyKeys;
import callcenter.platform.PhoneNumbers;
import callcenter.calls.entity.CallLog;
import callcenter.common.CallCenterException;
import callcenter.common.Actor;
import callcenter.common.JsonP;
import callcenter.common.Times;
import callcenter.providers.ProviderException;
import callcenter.sms.boundary.SmsService;

/**
 * Telnyx Call Control v2 (api.md section 4): outbound calls, commands on live calls, WebRTC tokens, and the signed
 * voice and SMS webhooks. Telnyx calls are ordinary calls of {@link CarrierCalls}, so they are offered, pushed and
 * ended like app calls. No database transaction is ever held open across an HTTP call to Telnyx: the call is logged
 * and committed first, then Telnyx is called, then the outcome is written in a transaction of its own.
 */
@Stateless
public class TelnyxService {

    private static final Logger LOG = Logger.getLogger(TelnyxService.class.getName());

    /** The commands of {@code POST /api/voice/calls/{callControlId}/{command}}. */
    public static final List<String> COMMANDS = List.of("answer", "connect-webrtc", "hangup", "dtmf");

    @Inject
    TelnyxClient client;

    @Inject
    TelnyxSettings telnyx;

    @Inject
    CarrierCalls calls;

    @Inject
    SmsService sms;

    @Inject
    PhoneNumbers phoneNumbers;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    // ---- outbound -------------------------------------------------------------------------------------------

    /**
     * Dials through Telnyx and answers the call ({@code dialing}, with its callControlId). A refusal or timeout is a
     * 502/504 and the call stays logged as {@code failed} with Telnyx's words in its timeline.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CallView outbound(JsonObject body, Actor caller) {
        TelnyxRequests.Outbound request = TelnyxRequests.outbound(body);
        String to = phoneNumbers.normalize(request.to(), "to");
        String from = request.from() == null ? null : phoneNumbers.normalize(request.from(), "from");
        if (!caller.isUser() && !caller.isClient()) {
            throw CallCenterException.forbidden("Your role does not allow this");
        }
        telnyx.apiKey();
        telnyx.connectionId();
        telnyx.apiUrl();
        String webhookUrl = telnyx.backendUrl() + "/webhooks/voice";
        if (from == null) {
            from = defaultCallerNumber();
        }
        UUID callId = UUID.randomUUID();
        calls.carrierOutbound(callId, CallLog.CHANNEL_TELNYX, TelnyxClient.PROVIDER, null, to,
                caller.isUser() ? caller.id() : null, caller.isClient() ? caller.id() : null, caller.principalKey(),
                JsonP.createObjectBuilder().add("destination", to).add("from", from).build());
        String commandId = CommandIds.forCall(callId, "dial");
        TelnyxClient.Dialed dialed;
        try {
            dialed = client.dial(to, from, webhookUrl, commandId, clientState(callId));
        } catch (ProviderException e) {
            calls.carrierFailed(callId, e.isTimeout() ? HangupCauses.PROVIDER_TIMEOUT : HangupCauses.PROVIDER_ERROR,
                    JsonP.createObjectBuilder().add("error", e.detail()).add("commandId", commandId).build());
            throw e.with("callId", callId);
        }
        context.getBusinessObject(TelnyxService.class).dialed(callId, dialed, commandId);
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

    /** Telnyx placed the call: from now on the call follows its leg. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void dialed(UUID callId, TelnyxClient.Dialed dialed, String commandId) {
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

    // ---- commands -------------------------------------------------------------------------------------------

    /**
     * One command on a live Telnyx call. Its {@code command_id} is derived from the Idempotency-Key when there is
     * one, so Telnyx ignores a retry of the same request (for 60 s, as Telnyx documents). Nothing is sent when the
     * body is invalid (400), the call is unknown or not the client's (404), or Telnyx is not configured (503).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void command(String callControlId, String command, JsonObject body, String idempotencyKey, Actor caller) {
        if (!COMMANDS.contains(command)) {
            throw CallCenterException.notFound("No command " + command + "; commands are " + String.join(", ", COMMANDS));
        }
        String digits = "dtmf".equals(command) ? TelnyxRequests.digits(body) : null;
        String sipUser = "connect-webrtc".equals(command) ? TelnyxRequests.sipUsername(body) : null;
        String key = IdempotencyKeys.check(idempotencyKey);
        if (!caller.isUser() && !caller.isClient()) {
            throw CallCenterException.forbidden("Your role does not allow this");
        }
        CallLog call = callOf(callControlId, caller);
        telnyx.apiKey();
        String action;
        JsonObjectBuilder request = JsonP.createObjectBuilder();
        switch (command) {
            case "answer" -> action = "answer";
            case "hangup" -> action = "hangup";
            case "dtmf" -> {
                action = "send_dtmf";
                request.add("digits", digits);
            }
            default -> {
                action = "transfer";
                request.add("to", sipUri(sipUser == null ? telnyx.webrtcUsername() : sipUser));
            }
        }
        String commandId = CommandIds.forRequest(callControlId, action, caller.principalKey(), key);
        JsonObject sent = request.build();
        JsonObjectBuilder entry = JsonP.createObjectBuilder(sent).add("action", action).add("commandId", commandId)
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

    static String sipUri(String user) {
        return "sip:" + user + "@sip.telnyx.com";
    }

    // ---- WebRTC token ---------------------------------------------------------------------------------------

    /** A login token for the Telnyx browser SDK, from the user's own credential, else TELNYX_CREDENTIAL_ID. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String webrtcToken(Actor caller) {
        if (!caller.isUser()) {
            throw CallCenterException.forbidden("WebRTC tokens are for agents, supervisors and admins");
        }
        List<?> rows = em.createNativeQuery("SELECT telnyx_credential_id FROM users WHERE id = ?1 AND enabled = TRUE")
                .setParameter(1, caller.id()).getResultList();
        if (rows.isEmpty()) {
            throw CallCenterException.forbidden("This user is unknown or disabled");
        }
        String own = (String) rows.get(0);
        telnyx.apiKey();
        return client.token(own == null || own.isBlank() ? telnyx.credentialId() : own);
    }

    // ---- webhooks -------------------------------------------------------------------------------------------

    /**
     * {@code POST /webhooks/voice}: verified, de-duplicated on {@code data.id}, then applied. Only database work
     * happens here, so Telnyx gets its 2xx well within its 2 s; carrier commands run after commits elsewhere.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void voiceWebhook(byte[] rawBody, String timestamp, String signature) {
        WebhookEvent event = verified(rawBody, timestamp, signature);
        String leg = event.callControlId();
        String cause = "call.hangup".equals(event.type()) ? HangupCauses.carrier(event.field("hangup_cause")) : null;
        if (!firstDelivery(event, leg, cause)) {
            return;
        }
        if (leg == null) {
            LOG.fine(() -> "Telnyx voice event " + event.type() + " without a call_control_id");
            return;
        }
        Optional<CallView> known = calls.byCallControlId(leg).or(() -> byClientState(event, leg));
        if (known.isEmpty()) {
            if ("call.initiated".equals(event.type()) && event.incoming()) {
                inbound(event, leg);
            } else {
                // A leg we did not start and that is not an incoming call, such as the agent's leg of a transfer.
                LOG.fine(() -> "Telnyx " + event.type() + " for a leg the platform does not follow");
            }
            return;
        }
        CallView call = known.get();
        calls.carrierEvent(call.id(), "provider.webhook", event.toTimeline());
        switch (event.type()) {
            case "call.answered" -> calls.carrierAnswered(call.id());
            case "call.hangup" -> calls.carrierEnded(call.id(), cause == null ? "unspecified" : cause, null,
                    TelnyxClient.PROVIDER, hangupData(event));
            default -> {
                // Everything else only goes into the timeline (late or repeated call.initiated included).
            }
        }
    }

    /** {@code POST /webhooks/sms}: {@code message.received} is stored and pushed as {@code sms:received}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void smsWebhook(byte[] rawBody, String timestamp, String signature) {
        WebhookEvent event = verified(rawBody, timestamp, signature);
        if (!firstDelivery(event, null, null) || !"message.received".equals(event.type())) {
            return;
        }
        String messageId = event.field("id");
        sms.received(TelnyxClient.PROVIDER, messageId == null || messageId.length() > 128 ? null : messageId,
                truncate(event.phoneNumber("from"), 64), truncate(event.phoneNumber("to"), 64), event.field("text"),
                Optional.ofNullable(event.instant("received_at")).orElse(null));
    }

    /** The signature is checked before anything of the body is used; a missing key is a 503, a bad signature 403. */
    private WebhookEvent verified(byte[] rawBody, String timestamp, String signature) {
        WebhookSignature.verify(telnyx.publicKey(), timestamp, signature, rawBody, Times.now());
        return WebhookEvent.parse(rawBody);
    }

    /** True for the first delivery of this event on any node; a repeat (or a racing copy) changes nothing. */
    private boolean firstDelivery(WebhookEvent event, String leg, String hangupCause) {
        // ON CONFLICT DO NOTHING (PostgreSQL, and H2 in its PostgreSQL mode): a racing copy waits for the first
        // insert's transaction and then inserts nothing. NULLs are written as literals: an untyped null parameter
        // cannot be bound on PostgreSQL.
        List<Object> values = new java.util.ArrayList<>(List.of(event.id(), event.type()));
        StringBuilder sql = new StringBuilder("INSERT INTO telnyx_webhooks (event_id, event_type, call_control_id,"
                + " hangup_cause, received_at) VALUES (?1, ?2");
        for (String optional : new String[] {leg, hangupCause == null ? null : truncate(hangupCause, 64)}) {
            if (optional == null) {
                sql.append(", NULL");
            } else {
                values.add(optional);
                sql.append(", ?").append(values.size());
            }
        }
        values.add(Times.now());
        sql.append(", ?").append(values.size()).append(") ON CONFLICT DO NOTHING");
        var insert = em.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            insert.setParameter(i + 1, values.get(i));
        }
        return insert.executeUpdate() == 1;
    }

    /** An incoming call: {@code waiting} and offered to agents. It is answered only when an agent accepts it. */
    private void inbound(WebhookEvent event, String leg) {
        String from = event.field("from");
        String name = event.field("caller_id_name");
        JsonObjectBuilder detail = JsonP.createObjectBuilder().add("callControlId", leg);
        if (event.field("to") != null) {
            detail.add("destinationNumber", event.field("to"));
        }
        CallView call = calls.carrierInbound(CallLog.CHANNEL_TELNYX, TelnyxClient.PROVIDER, null, leg,
                truncate(name != null ? name : from, 200), phoneOrNull(from), detail.build());
        calls.carrierEvent(call.id(), "provider.webhook", event.toTimeline());
        // The hangup overtook this call.initiated (Telnyx does not order webhooks): the call is over already.
        List<?> hangup = em.createNativeQuery("SELECT hangup_cause FROM telnyx_webhooks WHERE call_control_id = ?1"
                        + " AND event_type = 'call.hangup'").setParameter(1, leg).setMaxResults(1).getResultList();
        if (!hangup.isEmpty()) {
            String cause = (String) hangup.get(0);
            calls.carrierEnded(call.id(), cause == null ? "unspecified" : cause, null, TelnyxClient.PROVIDER,
                    JsonP.createObjectBuilder().add("lateInitiated", true).build());
        }
    }

    /** Our own outbound call whose webhook arrived before the dial's answer was stored: found by its client_state. */
    private Optional<CallView> byClientState(WebhookEvent event, String leg) {
        UUID callId = callOfClientState(event.field("client_state"));
        if (callId == null || !calls.attachCallControlId(callId, CallLog.CHANNEL_TELNYX, leg)) {
            return Optional.empty();
        }
        return calls.byCallControlId(leg);
    }

    private static JsonObject hangupData(WebhookEvent event) {
        JsonObjectBuilder data = JsonP.createObjectBuilder();
        for (String field : List.of("hangup_source", "sip_hangup_cause")) {
            if (event.field(field) != null) {
                data.add(field.equals("hangup_source") ? "hangupSource" : "sipHangupCause", event.field(field));
            }
        }
        return data.build();
    }

    /** What Dial carries as client_state (Telnyx wants base64): our call id, to recognise the leg's webhooks. */
    static String clientState(UUID callId) {
        return Base64.getEncoder().encodeToString(("callcenter:" + callId).getBytes(StandardCharsets.UTF_8));
    }

    static UUID callOfClientState(String state) {
        if (state == null) {
            return null;
        }
        try {
            String text = new String(Base64.getDecoder().decode(state), StandardCharsets.UTF_8);
            return text.startsWith("callcenter:") ? UUID.fromString(text.substring("callcenter:".length())) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String phoneOrNull(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return phoneNumbers.normalize(raw, "from");
        } catch (CallCenterException e) {
            return null;
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
