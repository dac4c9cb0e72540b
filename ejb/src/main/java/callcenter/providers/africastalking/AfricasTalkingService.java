package callcenter.providers.africastalking;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
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
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.calls.boundary.CarrierCalls;
import callcenter.calls.boundary.CallView;
import callcenter.calls.entity.CallStatus;
import callcenter.calls.entity.HangupCauses;
import callcenter.idempotency.boundary.IdempotencyKeys;
import callcenter.idempotency.boundary.IdempotencyRecords;
import callcenter.platform.PhoneNumbers;
import callcenter.idempotency.boundary.RequestHash;
import callcenter.calls.entity.CallLog;
import callcenter.common.CallCenterException;
import callcenter.common.Actor;
import callcenter.common.JsonP;
import callcenter.common.Times;
import callcenter.providers.ProviderException;

/**
 * Africa's Talking (api.md section 4): capability tokens for agents' browsers, make-call (WebRTC, else the Voice
 * API), and the voice callbacks that route AT calls to agents. Calls through AT are ordinary calls of
 * {@link CarrierCalls}, so they are offered, pushed and ended like app calls.
 */
@Stateless
public class AfricasTalkingService {

    private static final Logger LOG = Logger.getLogger(AfricasTalkingService.class.getName());
    static final String MAKE_CALL = "africastalking.make-call";
    /** How long after make-call a browser-placed call is still matched to the call make-call logged. */
    static final Duration PENDING_OUTBOUND = Duration.ofMinutes(15);

    @Inject
    AtClient client;

    @Inject
    AfricasTalkingSettings at;

    @Inject
    CarrierCalls calls;

    @Inject
    PhoneNumbers phoneNumbers;

    @Inject
    IdempotencyRecords idempotency;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    // ---- capability token -----------------------------------------------------------------------------------

    /** A WebRTC capability token for an agent's browser; an agent only for its own client name. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public JsonObject capabilityToken(JsonObject body, Actor caller) {
        TokenRequest request = TokenRequest.read(body);
        String phone = request.phoneNumber() == null ? null : phoneNumbers.normalize(request.phoneNumber(), "phoneNumber");
        if (!caller.isUser()) {
            throw CallCenterException.forbidden("Capability tokens are for agents, supervisors and admins");
        }
        String own = clientNameOf(caller.id());
        String clientName = request.clientName() == null ? own : request.clientName();
        if (!caller.seesAll() && !clientName.equals(own)) {
            throw CallCenterException.forbidden("An agent may get a capability token only for its own client name ("
                    + own + ")");
        }
        at.apiKey();
        if (at.sandbox()) {
            throw CallCenterException.badRequest("Africa's Talking has no WebRTC sandbox: capability tokens need a live"
                    + " account (AT_USERNAME other than sandbox and AT_SANDBOX not true)");
        }
        if (phone == null) {
            phone = at.firstPhoneNumber();
        }
        boolean incoming = request.incoming() == null || request.incoming();
        boolean outgoing = request.outgoing() == null || request.outgoing();
        int lifeTime = request.lifeTimeSec() == null ? CapabilityToken.MAX_LIFETIME_SECONDS : request.lifeTimeSec();
        CapabilityToken token = client.capabilityToken(clientName, phone, incoming, outgoing, lifeTime);
        return JsonP.createObjectBuilder()
                .add("token", token.token())
                .add("phoneNumber", phone)
                .add("clientName", token.clientName())
                .add("lifeTimeSec", token.lifeTimeSec())
                .add("incoming", token.incoming())
                .add("outgoing", token.outgoing())
                .build();
    }

    // ---- make-call ------------------------------------------------------------------------------------------

    /**
     * Logs an outbound call and answers how to place it: a WebRTC token for the agent's browser, or, when no token
     * can be had (an API client, the sandbox, AT refusing the token), the Voice API call itself. Both failing is a
     * 502 (504 on a timeout) and the call is kept as {@code failed}. With an Idempotency-Key a retry answers the
     * first answer again.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public JsonObject makeCall(JsonObject body, String idempotencyKey, Actor caller) {
        MakeCall request = MakeCall.read(body);
        String to = phoneNumbers.normalize(request.to(), "to");
        String from = request.from() == null ? null : phoneNumbers.normalize(request.from(), "from");
        String key = IdempotencyKeys.check(idempotencyKey);
        if (!caller.isUser() && !caller.isClient()) {
            throw CallCenterException.forbidden("Your role does not allow this");
        }
        at.apiKey();
        at.username();
        if (from == null) {
            from = at.firstPhoneNumber();
        }
        String principal = caller.principalKey();
        if (key != null) {
            IdempotencyRecords.Claim claim = idempotency.claim(principal, key, RequestHash.of(MAKE_CALL, body));
            if (!claim.fresh()) {
                return replay(claim);
            }
        }
        UUID callId = UUID.randomUUID();
        try {
            JsonObject answer = place(callId, request, to, from, caller);
            if (key != null) {
                idempotency.complete(principal, key, 200, callId, answer.toString());
            }
            return answer;
        } catch (ProviderException e) {
            e.with("callId", callId);
            if (key != null) {
                idempotency.complete(principal, key, e.status(), callId, JsonP.createObjectBuilder()
                        .add("status", e.status()).add("detail", e.detail()).build().toString());
            }
            throw e;
        } catch (RuntimeException e) {
            if (key != null) {
                idempotency.release(principal, key);
            }
            throw e;
        }
    }

    private JsonObject place(UUID callId, MakeCall request, String to, String from, Actor caller) {
        String clientName = caller.isUser() ? clientNameOf(caller.id()) : null;
        JsonObjectBuilder detail = JsonP.createObjectBuilder().add("destination", to).add("from", from);
        if (request.record() != null) {
            detail.add("record", request.record());
        }
        if (request.callbackUrl() != null) {
            detail.add("callbackUrl", request.callbackUrl().trim());
        }
        calls.carrierOutbound(callId, CallLog.CHANNEL_AFRICASTALKING, AtClient.PROVIDER, null, to,
                caller.isUser() ? caller.id() : null, caller.isClient() ? caller.id() : null, caller.principalKey(),
                detail.build());
        String webrtcError = null;
        if (clientName == null) {
            webrtcError = "An API client has no WebRTC client";
        } else if (at.sandbox()) {
            webrtcError = "Africa's Talking has no WebRTC sandbox";
        } else {
            try {
                CapabilityToken token = client.capabilityToken(clientName, from, true, true,
                        CapabilityToken.MAX_LIFETIME_SECONDS);
                calls.carrierEvent(callId, "provider.capability_token", JsonP.createObjectBuilder()
                        .add("clientName", token.clientName()).add("lifeTimeSec", token.lifeTimeSec()).build());
                return JsonP.createObjectBuilder().add("callId", callId.toString()).add("token", token.token())
                        .add("phoneNumber", from).add("clientName", token.clientName()).add("destination", to)
                        .add("callType", "webrtc").build();
            } catch (ProviderException e) {
                webrtcError = e.detail();
                LOG.info(() -> "No WebRTC token for call " + callId + ", falling back to the Voice API: " + e.detail());
            }
        }
        VoiceCall voice;
        try {
            voice = client.call(from, to, callId.toString());
        } catch (ProviderException e) {
            JsonObjectBuilder data = JsonP.createObjectBuilder().add("error", e.detail()).add("webrtcError", webrtcError);
            calls.carrierFailed(callId, e.isTimeout() ? HangupCauses.PROVIDER_TIMEOUT : HangupCauses.PROVIDER_ERROR,
                    data.build());
            throw e;
        }
        JsonArrayBuilder entries = JsonP.createArrayBuilder();
        for (VoiceCall.Entry entry : voice.entries()) {
            JsonObjectBuilder e = JsonP.createObjectBuilder();
            e.add("phoneNumber", nullToEmpty(entry.phoneNumber())).add("status", nullToEmpty(entry.status()));
            if (entry.sessionId() == null) {
                e.addNull("sessionId");
            } else {
                e.add("sessionId", entry.sessionId());
            }
            entries.add(e);
        }
        JsonObject answer = JsonP.createObjectBuilder().add("callId", callId.toString()).add("callType", "voice")
                .add("destination", to).add("entries", entries).build();
        context.getBusinessObject(AfricasTalkingService.class).voiceQueued(callId, voice.sessionId(),
                answer.getJsonArray("entries"), webrtcError);
        return answer;
    }

    /** The Voice API queued the call: the call follows AT's session from now on. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void voiceQueued(UUID callId, String sessionId, jakarta.json.JsonArray entries, String webrtcError) {
        calls.attachSession(callId, CallLog.CHANNEL_AFRICASTALKING, sessionId);
        JsonObjectBuilder data = JsonP.createObjectBuilder().add("entries", entries);
        if (webrtcError != null) {
            data.add("webrtcError", webrtcError);
        }
        calls.carrierEvent(callId, "provider.call", data.build());
    }

    private static JsonObject replay(IdempotencyRecords.Claim claim) {
        JsonObject stored;
        try (JsonReader reader = JsonP.createReader(new StringReader(claim.body() == null ? "{}" : claim.body()))) {
            stored = reader.readObject();
        }
        if (claim.status() != null && claim.status() >= 400) {
            String detail = stored.getString("detail", "Africa's Talking refused the call");
            ProviderException first = claim.status() == 504 ? ProviderException.timeout(AtClient.PROVIDER, detail)
                    : ProviderException.error(AtClient.PROVIDER, detail);
            throw first.with("callId", claim.callId());
        }
        return stored;
    }

    // ---- voice callbacks ------------------------------------------------------------------------------------

    /** Constant-time check of the {@code secret} query parameter; wrong or missing → 403. */
    public void checkSecret(String given) {
        byte[] expected = at.callbackSecret().getBytes(StandardCharsets.UTF_8);
        byte[] actual = given == null ? new byte[0] : given.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw CallCenterException.forbidden("Wrong or missing callback secret");
        }
    }

    /**
     * One voice callback; answers the ActionXML for AT. Callbacks of one session are handled one at a time on every
     * node (the session row is locked), so a session never gets two calls; an exact repeat gets the first reply
     * and changes nothing.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public String callback(String secret, VoiceCallback callback) {
        checkSecret(secret);
        String session = callback.sessionId();
        if (session == null) {
            throw CallCenterException.invalid("sessionId", "is required");
        }
        if (session.length() > 128) {
            throw CallCenterException.invalid("sessionId", "must be at most 128 characters");
        }
        lockSession(session);
        String hash = callback.fingerprint();
        List<?> earlier = em.createNativeQuery("SELECT reply FROM at_callbacks WHERE session_id = ?1 AND fields_hash = ?2")
                .setParameter(1, session).setParameter(2, hash).getResultList();
        if (!earlier.isEmpty()) {
            return (String) earlier.get(0);
        }
        Outcome outcome = handle(callback, session);
        var insert = em.createNativeQuery("INSERT INTO at_callbacks (session_id, fields_hash, reply, call_id, received_at)"
                        + " VALUES (?1, ?2, ?3, " + (outcome.callId() == null ? "NULL" : "?4") + ", ?5)")
                .setParameter(1, session).setParameter(2, hash).setParameter(3, outcome.reply())
                .setParameter(5, Times.now());
        if (outcome.callId() != null) {
            insert.setParameter(4, outcome.callId());
        }
        insert.executeUpdate();
        return outcome.reply();
    }

    private record Outcome(String reply, UUID callId) {
    }

    private Outcome handle(VoiceCallback callback, String session) {
        Optional<CallView> known = calls.bySession(session);
        if (known.isEmpty()) {
            known = byClientRequestId(callback, session);
        }
        if (known.isPresent()) {
            CallView call = known.get();
            calls.carrierEvent(call.id(), "provider.callback", callback.toJson());
            return new Outcome(callback.isFinal() ? ended(call, callback) : again(call, callback), call.id());
        }
        if (callback.isFinal()) {
            LOG.fine(() -> "Final Africa's Talking callback for unknown session " + session);
            return new Outcome(ActionXml.empty(), null);
        }
        if (callback.fromBrowser()) {
            return fromBrowser(callback, session);
        }
        if (callback.inbound()) {
            return inbound(callback, session);
        }
        return new Outcome(ActionXml.empty(), null);
    }

    /** A call to one of our numbers: waiting, offered to the agents, and their browsers rung together. */
    private Outcome inbound(VoiceCallback callback, String session) {
        String caller = callback.get("callerNumber");
        JsonObjectBuilder detail = JsonP.createObjectBuilder().add("sessionId", session);
        if (callback.get("destinationNumber") != null) {
            detail.add("destinationNumber", callback.get("destinationNumber"));
        }
        CallView call = calls.carrierInbound(CallLog.CHANNEL_AFRICASTALKING, AtClient.PROVIDER, session,
                caller == null ? null : truncate(caller, 200), phoneOrNull(caller), detail.build());
        calls.carrierEvent(call.id(), "provider.callback", callback.toJson());
        return new Outcome(dialAgents(call.id()), call.id());
    }

    /** The Dial for every available agent's browser, or the apology and a missed call when there is none. */
    private String dialAgents(UUID callId) {
        List<String> clients = availableClientNames();
        if (clients.isEmpty()) {
            calls.carrierEnded(callId, HangupCauses.NO_AGENT_AVAILABLE, 0, AtClient.PROVIDER,
                    JsonP.createObjectBuilder().build());
            return ActionXml.say(ActionXml.NOBODY_AVAILABLE);
        }
        String username = at.username();
        return ActionXml.dial(clients.stream().map(c -> username + "." + c).toList(), null);
    }

    /** A call an agent's browser placed: dial the number it dialed, logged as that agent's outbound call. */
    private Outcome fromBrowser(VoiceCallback callback, String session) {
        String prefix = at.username() + ".";
        String callerNumber = callback.get("callerNumber");
        UUID agent = callerNumber != null && callerNumber.startsWith(prefix)
                ? userOfClientName(callerNumber.substring(prefix.length())) : null;
        String dialed = callback.get("clientDialedNumber");
        String target = dialed.startsWith(prefix) ? dialed : phoneOrNull(dialed);
        if (agent == null || target == null) {
            LOG.info(() -> "Rejected an Africa's Talking browser call of an unknown client or to an invalid number,"
                    + " session " + session);
            return new Outcome(ActionXml.reject(), null);
        }
        String phone = target.startsWith(prefix) ? null : target;
        UUID callId = null;
        if (phone != null) {
            Optional<CallView> pending = calls.pendingOutbound(CallLog.CHANNEL_AFRICASTALKING, agent, phone,
                    Times.now().minus(PENDING_OUTBOUND));
            if (pending.isPresent() && calls.attachSession(pending.get().id(), CallLog.CHANNEL_AFRICASTALKING, session)) {
                callId = pending.get().id();
            }
        }
        if (callId == null) {
            callId = UUID.randomUUID();
            calls.carrierOutbound(callId, CallLog.CHANNEL_AFRICASTALKING, AtClient.PROVIDER, session, phone, agent,
                    null, AtClient.PROVIDER, JsonP.createObjectBuilder().add("destination", target)
                            .add("from", callerNumber).build());
        }
        calls.carrierEvent(callId, "provider.callback", callback.toJson());
        return new Outcome(ActionXml.dial(List.of(target), callerId(callback)), callId);
    }

    /** A further in-session callback of a call we know. */
    private String again(CallView call, VoiceCallback callback) {
        CallStatus status = CallStatus.fromWire(call.status()).orElseThrow();
        if (status.isFinal()) {
            return ActionXml.empty();
        }
        if (CallLog.INBOUND.equals(call.direction())) {
            return status == CallStatus.WAITING ? dialAgents(call.id()) : ActionXml.empty();
        }
        if (callback.fromBrowser()) {
            String dialed = callback.get("clientDialedNumber");
            String target = dialed.startsWith(at.username() + ".") ? dialed : phoneOrNull(dialed);
            return target == null ? ActionXml.reject() : ActionXml.dial(List.of(target), callerId(callback));
        }
        // The Voice API call was answered: connect the callee to the browser of the agent who placed it.
        calls.carrierAnswered(call.id());
        if (call.agent() != null) {
            String clientName = clientNameOf(call.agent().id());
            if (clientName != null) {
                return ActionXml.dial(List.of(at.username() + "." + clientName), null);
            }
        }
        return ActionXml.empty();
    }

    /** The final callback: the call ends with AT's duration, cause and cost (a final call stays as it is). */
    private String ended(CallView call, VoiceCallback callback) {
        String cause = HangupCauses.carrier(callback.get("hangupCause"));
        JsonObjectBuilder data = JsonP.createObjectBuilder();
        for (String field : List.of("durationInSeconds", "amount", "currencyCode", "callSessionState",
                "lastBridgeHangupCause", "recordingUrl")) {
            if (callback.get(field) != null) {
                data.add(field, callback.get(field));
            }
        }
        calls.carrierEnded(call.id(), cause == null ? "unspecified" : cause, seconds(callback.get("durationInSeconds")),
                AtClient.PROVIDER, data.build());
        return ActionXml.empty();
    }

    private Optional<CallView> byClientRequestId(VoiceCallback callback, String session) {
        String requestId = callback.get("clientRequestId");
        if (requestId == null) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(requestId);
            if (calls.attachSession(id, CallLog.CHANNEL_AFRICASTALKING, session)) {
                return calls.bySession(session);
            }
        } catch (IllegalArgumentException notOurs) {
            // a clientRequestId another system set
        }
        return Optional.empty();
    }

    private String callerId(VoiceCallback callback) {
        List<String> ours = at.phoneNumbers();
        String destination = callback.get("destinationNumber");
        if (destination != null && ours.contains(destination)) {
            return destination;
        }
        return ours.isEmpty() ? null : ours.get(0);
    }

    private void lockSession(String session) {
        // ON CONFLICT DO NOTHING (PostgreSQL, and H2 in its PostgreSQL mode): a racing first callback waits for
        // the other's insert instead of failing; the row lock then orders all callbacks of the session.
        em.createNativeQuery("INSERT INTO at_sessions (session_id, created_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, session).setParameter(2, Times.now()).executeUpdate();
        em.createNativeQuery("SELECT session_id FROM at_sessions WHERE session_id = ?1 FOR UPDATE")
                .setParameter(1, session).getResultList();
    }

    /** Client names of the agents a new call is offered to: available, with a dashboard open. */
    @SuppressWarnings("unchecked")
    List<String> availableClientNames() {
        return em.createNativeQuery("SELECT u.at_client_name FROM users u JOIN agent_presence p ON p.user_id = u.id"
                        + " WHERE u.enabled = TRUE AND p.status = 'available'"
                        + " AND EXISTS (SELECT 1 FROM agent_sockets s WHERE s.user_id = u.id) ORDER BY u.at_client_name")
                .getResultList();
    }

    private String clientNameOf(UUID userId) {
        List<?> rows = em.createNativeQuery("SELECT at_client_name FROM users WHERE id = ?1 AND enabled = TRUE")
                .setParameter(1, userId).getResultList();
        if (rows.isEmpty()) {
            throw CallCenterException.forbidden("This user is unknown or disabled");
        }
        return (String) rows.get(0);
    }

    private UUID userOfClientName(String clientName) {
        List<?> rows = em.createNativeQuery("SELECT id FROM users WHERE at_client_name = ?1 AND enabled = TRUE")
                .setParameter(1, clientName).getResultList();
        return rows.isEmpty() ? null : rows.get(0) instanceof UUID u ? u : UUID.fromString(rows.get(0).toString());
    }

    private String phoneOrNull(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return phoneNumbers.normalize(raw, "phoneNumber");
        } catch (CallCenterException e) {
            return null;
        }
    }

    static Integer seconds(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return (int) Math.round(Double.parseDouble(raw.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
