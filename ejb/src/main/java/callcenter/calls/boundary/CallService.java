package callcenter.calls.boundary;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Validator;

import callcenter.platform.security.TokenIssuer;
import callcenter.calls.entity.CallStatus;
import callcenter.calls.entity.HangupCauses;
import callcenter.idempotency.boundary.IdempotencyKeys;
import callcenter.idempotency.boundary.IdempotencyRecords;
import callcenter.calls.control.JsonFields;
import callcenter.platform.PhoneNumbers;
import callcenter.idempotency.boundary.RequestHash;
import callcenter.calls.entity.TimelineEntry;
import callcenter.calls.entity.CallLog;
import callcenter.common.CallCenterException;
import callcenter.common.JsonP;
import callcenter.calls.control.CallPushes;
import callcenter.common.Actor;
import callcenter.common.FieldError;
import callcenter.common.Page;
import callcenter.common.PageRequest;
import callcenter.common.Times;
import callcenter.platform.Settings;

/**
 * The call log: starting, listing, accepting, ending and wrapping up calls. Every change of a call goes through
 * here as one conditional UPDATE (the database decides races between nodes, never a JVM lock), adds a timeline
 * entry and calls {@link #changed} in the same transaction. REST and WebSocket use the same methods.
 */
@Stateless
public class CallService {

    static final String INITIATE = "calls.initiate";
    /** A caller's token is refused from this long after its call ended. */
    static final Duration CALLER_TOKEN_GRACE = Duration.ofHours(1);
    static final Duration CALLER_TOKEN_MAX_TTL = Duration.ofHours(24);
    private static final int MAX_ATTEMPTS = 5;

    @PersistenceContext
    EntityManager em;

    @Inject
    PhoneNumbers phoneNumbers;

    @Inject
    TokenIssuer tokens;

    @Inject
    Settings settings;

    @Inject
    Validator validator;

    @Inject
    IdempotencyRecords idempotency;

    @Resource
    SessionContext context;

    @Inject
    CallPushes pushes;

    @Inject
    Event<CarrierLeg> carrierLegs;

    // ---- initiate -------------------------------------------------------------------------------------------

    /**
     * Starts an inbound app call ({@code POST /api/calls/initiate}). With an Idempotency-Key, the key is claimed
     * (committed) before the call is created in a transaction of its own, and released again if that fails.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Initiated initiate(JsonObject body, String idempotencyKey, Actor caller) {
        JsonFields fields = JsonFields.of(body);
        InitiateCall read = InitiateCall.read(fields);
        String phone = fields.check("phoneNumber", () -> phoneNumbers.normalize(read.phoneNumber(), "phoneNumber"));
        InitiateCall request = fields.valid(read, validator);
        String key = IdempotencyKeys.check(idempotencyKey);
        CallService self = context.getBusinessObject(CallService.class);
        // The callerToken is signed after the commit: an RSA signature takes milliseconds, and inside the transaction
        // it would delay the commit and with it every agent's call:incoming.
        if (key == null) {
            return new Initiated(withCallerToken(self.createInbound(request, phone, caller, null)), false);
        }
        String principal = caller.principalKey();
        IdempotencyRecords.Claim claim = idempotency.claim(principal, key, RequestHash.of(INITIATE, body));
        if (!claim.fresh()) {
            return new Initiated(withCallerToken(self.replay(claim.callId())), true);
        }
        CallView created;
        try {
            created = self.createInbound(request, phone, caller, key);
        } catch (RuntimeException e) {
            idempotency.release(principal, key);
            throw e;
        }
        return new Initiated(withCallerToken(created), false);
    }

    /** The call creation behind {@link #initiate}, in its own transaction; not for other callers. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public CallView createInbound(InitiateCall request, String phone, Actor caller, String idempotencyKey) {
        Instant now = Times.now();
        CallLog call = CallLog.inboundAppCall(UUID.randomUUID(), request.callerName().trim(), phone,
                blankToNull(request.ivrOption()), blankToNull(request.queueName()),
                caller.isClient() ? caller.id() : null, now);
        em.persist(call);
        event(call, "created", JsonP.createObjectBuilder()
                .add("direction", call.direction()).add("channel", call.channel())
                .add("by", caller.principalKey()));
        offer(call);
        if (idempotencyKey != null) {
            idempotency.complete(caller.principalKey(), idempotencyKey, 201, call.id(), null);
        }
        em.flush();
        changed(call, "incoming");
        return CallView.of(call);
    }

    /** The answer to a repeated initiate: the same call (its callerToken is added by {@link #initiate}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public CallView replay(UUID callId) {
        CallLog call = em.find(CallLog.class, callId);
        if (call == null) {
            throw CallCenterException.notFound("The call started with this Idempotency-Key no longer exists");
        }
        return CallView.of(call);
    }

    // ---- reading --------------------------------------------------------------------------------------------

    /** {@code GET /api/calls}: the calls {@code caller} may see, newest first. */
    public Page<CallView> list(CallQuery query, PageRequest page, Actor caller) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        filters(query, where, params);
        visibility(caller, where, params);
        if (page.after() != null) {
            where.add("(c.createdAt < :afterAt OR (c.createdAt = :afterAt AND c.id < :afterId))");
            params.put("afterAt", page.after().createdAt());
            params.put("afterId", page.after().id());
        }
        String jpql = "SELECT c FROM CallLog c LEFT JOIN FETCH c.agent"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY c.createdAt DESC, c.id DESC";
        TypedQuery<CallLog> select = em.createQuery(jpql, CallLog.class).setMaxResults(page.limit() + 1);
        params.forEach(select::setParameter);
        List<CallLog> rows = select.getResultList();
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            CallLog last = rows.get(rows.size() - 1);
            next = PageRequest.cursorAfter(last.createdAt(), last.id());
        }
        return new Page<>(rows.stream().map(CallView::of).toList(), next);
    }

    /** {@code GET /api/calls/{id}}: the call with its timeline, oldest first; 404 when {@code caller} may not see it. */
    public CallView get(UUID id, Actor caller) {
        CallLog call = em.find(CallLog.class, id);
        if (call == null || !visible(call, caller)) {
            throw notFound(id);
        }
        return CallView.of(call).withEvents(timeline(id));
    }

    /** The calls waiting for an agent, oldest first: the snapshot a registering dashboard gets. */
    public List<CallView> waiting() {
        return em.createQuery("SELECT c FROM CallLog c WHERE c.status = :waiting ORDER BY c.createdAt, c.id",
                        CallLog.class)
                .setParameter("waiting", CallStatus.WAITING)
                .getResultStream().map(CallView::of).toList();
    }

    /** The agent's own active call, if any, to hand back to a reconnecting dashboard. */
    public Optional<CallView> activeCallOf(UUID agentId) {
        return em.createQuery("SELECT c FROM CallLog c WHERE c.status = :active AND c.agentId = :agent"
                        + " ORDER BY c.answeredAt DESC", CallLog.class)
                .setParameter("active", CallStatus.ACTIVE)
                .setParameter("agent", agentId)
                .setMaxResults(1)
                .getResultStream().findFirst().map(CallView::of);
    }

    /**
     * Whether a callerToken for this call is still honoured: the call exists and did not end more than an hour ago.
     * Used by REST (every /api request with the caller role) and by the WebSocket handshake.
     */
    public boolean callerTokenStillValid(UUID callId) {
        List<Instant> ended = em.createQuery("SELECT c.endedAt FROM CallLog c WHERE c.id = :id", Instant.class)
                .setParameter("id", callId)
                .getResultList();
        if (ended.isEmpty()) {
            return false;
        }
        Instant endedAt = ended.get(0);
        return endedAt == null || Times.now().isBefore(endedAt.plus(CALLER_TOKEN_GRACE));
    }

    // ---- changes --------------------------------------------------------------------------------------------

    /**
     * An agent takes a call ({@code POST /api/calls/{id}/accept} and the WebSocket {@code call:accept}): a waiting
     * call, or a carrier call that is active with no agent yet. One UPDATE decides: whatever the number of nodes
     * and agents, exactly one accept changes the row.
     */
    public CallView accept(UUID id, Actor agent) {
        if (!agent.isUser()) {
            throw CallCenterException.forbidden("Only agents, supervisors and admins take calls");
        }
        Instant now = Times.now();
        int won = em.createQuery("UPDATE CallLog c SET c.status = :active, c.agentId = :agent,"
                        + " c.answeredAt = COALESCE(c.answeredAt, :now), c.version = c.version + 1"
                        + " WHERE c.id = :id AND (c.status = :waiting OR (c.status = :active AND c.agentId IS NULL))")
                .setParameter("active", CallStatus.ACTIVE)
                .setParameter("waiting", CallStatus.WAITING)
                .setParameter("agent", agent.id())
                .setParameter("now", now)
                .setParameter("id", id)
                .executeUpdate();
        CallLog call = fresh(id);
        if (call == null) {
            throw notFound(id);
        }
        if (won == 0) {
            if (call.status().isFinal()) {
                throw alreadyEnded(id);
            }
            throw CallCenterException.conflict("call-already-taken", "Call already taken",
                    "Call " + id + " was already accepted by another agent").with("callId", id);
        }
        event(call, "accepted", JsonP.createObjectBuilder()
                .add("agentId", agent.id().toString())
                .add("agentName", call.agent() == null ? "" : call.agent().displayName()));
        changed(call, "accepted");
        legChanged(call, CarrierLeg.Change.ACCEPTED);
        return CallView.of(call);
    }

    /**
     * Hangs up a call ({@code POST /api/calls/{id}/end}, WebSocket {@code call:ended}): a waiting call becomes
     * missed, a dialing or active one ended. Allowed for the call's agent, supervisors, admins, the API client that
     * started it and its caller. Ending a final call is a 409 that changes nothing.
     */
    public CallView end(UUID id, Actor who) {
        if (who.isCaller()) {
            if (!id.equals(who.callId())) {
                throw CallCenterException.forbidden("A callerToken may end only its own call");
            }
            if (!callerTokenStillValid(id)) {
                throw CallCenterException.unauthorized("This callerToken is no longer valid");
            }
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            CallLog call = fresh(id);
            if (call == null || !visible(call, who)) {
                throw notFound(id);
            }
            if (!mayEnd(call, who)) {
                throw CallCenterException.forbidden("Only the call's agent, a supervisor, an admin, the client that"
                        + " started it or its caller may end it");
            }
            CallStatus next = call.status().afterEnd().orElseThrow(() -> alreadyEnded(id));
            Instant now = Times.now();
            int duration = call.answeredAt() == null ? 0
                    : (int) Math.max(0, Duration.between(call.answeredAt(), now).getSeconds());
            String cause = HangupCauses.endedBy(who, call.agentId());
            int changed = em.createQuery("UPDATE CallLog c SET c.status = :next, c.endedAt = :now,"
                            + " c.durationSeconds = :duration, c.hangupCause = :cause, c.version = c.version + 1"
                            + " WHERE c.id = :id AND c.version = :version")
                    .setParameter("next", next)
                    .setParameter("now", now)
                    .setParameter("duration", duration)
                    .setParameter("cause", cause)
                    .setParameter("id", id)
                    .setParameter("version", call.version())
                    .executeUpdate();
            if (changed == 1) {
                em.refresh(call);
                String type = next == CallStatus.MISSED ? "missed" : "ended";
                event(call, type, JsonP.createObjectBuilder()
                        .add("hangupCause", cause)
                        .add("durationSeconds", duration)
                        .add("by", who.principalKey()));
                changed(call, type);
                legEnded(call);
                return CallView.of(call);
            }
            // Someone else changed the call between our read and our write: decide again on what it is now.
        }
        throw busy(id);
    }

    /** The call's agent records the outcome of an ended call ({@code POST /api/calls/{id}/wrapup}). */
    public CallView wrapup(UUID id, JsonObject body, Actor agent) {
        JsonFields fields = JsonFields.of(body);
        Wrapup request = fields.valid(Wrapup.read(fields), validator);
        String note = blankToNull(request.note());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            CallLog call = fresh(id);
            if (call == null || !visible(call, agent)) {
                throw notFound(id);
            }
            if (!agent.isUser() || !agent.id().equals(call.agentId())) {
                throw CallCenterException.forbidden("Only the call's agent may wrap it up");
            }
            if (!call.status().isFinal()) {
                throw CallCenterException.conflict("call-not-ended", "Call not ended",
                        "Call " + id + " is " + call.status().wireName() + "; wrap it up after it ended")
                        .with("callId", id);
            }
            int changed = em.createQuery("UPDATE CallLog c SET c.disposition = :disposition, c.note = :note,"
                            + " c.version = c.version + 1 WHERE c.id = :id AND c.version = :version")
                    .setParameter("disposition", request.disposition().trim())
                    .setParameter("note", note)
                    .setParameter("id", id)
                    .setParameter("version", call.version())
                    .executeUpdate();
            if (changed == 1) {
                em.refresh(call);
                JsonObjectBuilder data = JsonP.createObjectBuilder().add("disposition", call.disposition());
                if (note != null) {
                    data.add("note", note);
                }
                event(call, "wrapup", data);
                changed(call, "wrapup");
                return CallView.of(call);
            }
        }
        throw busy(id);
    }

    /**
     * An agent declines an offered call (WebSocket {@code call:decline}): recorded in the timeline; the call stays
     * offered to the others.
     */
    public void decline(UUID id, Actor agent) {
        CallLog call = fresh(id);
        if (call == null || !visible(call, agent)) {
            throw notFound(id);
        }
        if (call.status() != CallStatus.WAITING) {
            throw CallCenterException.conflict("call-not-waiting", "Call not waiting",
                    "Call " + id + " is " + call.status().wireName() + "; only a waiting call can be declined")
                    .with("callId", id);
        }
        event(call, "declined", JsonP.createObjectBuilder().add("agentId", agent.id().toString()));
    }

    /** Waiting calls created before {@code limit}: candidates for the ring timeout, oldest first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<UUID> waitingSince(Instant limit, int max) {
        return em.createQuery("SELECT c.id FROM CallLog c WHERE c.status = :waiting AND c.createdAt <= :limit"
                        + " ORDER BY c.createdAt", UUID.class)
                .setParameter("waiting", CallStatus.WAITING).setParameter("limit", limit)
                .setMaxResults(max).getResultList();
    }

    /**
     * Ring timeout: a call still waiting {@code CALLCENTER_RING_TIMEOUT_SECONDS} after it was created becomes
     * {@code missed}. Derived from the stored call and decided by one conditional UPDATE, so it also holds after a
     * restart, and two nodes scanning at once never both time a call out.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean timeOut(UUID id) {
        Instant now = Times.now();
        int changed = em.createQuery("UPDATE CallLog c SET c.status = :missed, c.endedAt = :now, c.durationSeconds = 0,"
                        + " c.hangupCause = :cause, c.version = c.version + 1"
                        + " WHERE c.id = :id AND c.status = :waiting AND c.createdAt <= :limit")
                .setParameter("missed", CallStatus.MISSED).setParameter("now", now)
                .setParameter("cause", HangupCauses.RING_TIMEOUT).setParameter("id", id)
                .setParameter("waiting", CallStatus.WAITING)
                .setParameter("limit", now.minusSeconds(settings.ringTimeoutSeconds()))
                .executeUpdate();
        if (changed == 0) {
            return false;
        }
        CallLog call = fresh(id);
        event(call, "missed", JsonP.createObjectBuilder().add("hangupCause", HangupCauses.RING_TIMEOUT)
                .add("durationSeconds", 0).add("by", "platform"));
        changed(call, "missed");
        legChanged(call, CarrierLeg.Change.MISSED);
        return true;
    }

    /**
     * The agent's grace period passed without a reconnect: its active call ends ({@code agent_disconnected}).
     * Conditional on the call still being active with that agent.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean endForDisconnectedAgent(UUID id, UUID agentId) {
        CallLog call = fresh(id);
        if (call == null || call.status() != CallStatus.ACTIVE || !agentId.equals(call.agentId())) {
            return false;
        }
        Instant now = Times.now();
        int duration = call.answeredAt() == null ? 0
                : (int) Math.max(0, Duration.between(call.answeredAt(), now).getSeconds());
        int changed = em.createQuery("UPDATE CallLog c SET c.status = :ended, c.endedAt = :now,"
                        + " c.durationSeconds = :duration, c.hangupCause = :cause, c.version = c.version + 1"
                        + " WHERE c.id = :id AND c.version = :version")
                .setParameter("ended", CallStatus.ENDED).setParameter("now", now).setParameter("duration", duration)
                .setParameter("cause", HangupCauses.AGENT_DISCONNECTED).setParameter("id", id)
                .setParameter("version", call.version())
                .executeUpdate();
        if (changed == 0) {
            return false;
        }
        em.refresh(call);
        event(call, "ended", JsonP.createObjectBuilder().add("hangupCause", HangupCauses.AGENT_DISCONNECTED)
                .add("durationSeconds", duration).add("by", "platform"));
        changed(call, "ended");
        legEnded(call);
        return true;
    }

    // ---- carrier calls --------------------------------------------------------------------------------------
    // Used by the carrier integrations (callcenter.providers.*), which translate the carrier's wire format into
    // these calls. Each joins the caller's transaction; the same conditional-UPDATE rules hold as above.

    /** A carrier call arrived: stored {@code waiting} with its carrier session and offered like an app call. */
    public CallView carrierInbound(String channel, String providerName, String sessionId, String callerName,
                                   String phoneNumber, JsonObject detail) {
        return carrierInbound(channel, providerName, sessionId, null, callerName, phoneNumber, detail);
    }

    /** {@link #carrierInbound} for a carrier whose legs have a call control id (Telnyx). */
    public CallView carrierInbound(String channel, String providerName, String sessionId, String callControlId,
                                   String callerName, String phoneNumber, JsonObject detail) {
        Instant now = Times.now();
        CallLog call = CallLog.carrierCall(UUID.randomUUID(), CallLog.INBOUND, channel, CallStatus.WAITING,
                callerName, phoneNumber, null, null, providerName, sessionId, now).followingCallControlId(callControlId);
        em.persist(call);
        event(call, "created", JsonP.createObjectBuilder(detail).add("direction", call.direction())
                .add("channel", call.channel()).add("by", providerName));
        offer(call);
        em.flush();
        changed(call, "incoming");
        return CallView.of(call);
    }

    /**
     * An outbound carrier call, {@code dialing}: placed by an agent ({@code agentId}, who then has the call) or by
     * an API client ({@code clientId}, who may see and end it).
     */
    public CallView carrierOutbound(UUID id, String channel, String providerName, String sessionId,
                                    String phoneNumber, UUID agentId, UUID clientId, String by, JsonObject detail) {
        CallLog call = CallLog.carrierCall(id, CallLog.OUTBOUND, channel, CallStatus.DIALING, null, phoneNumber,
                agentId, clientId, providerName, sessionId, Times.now());
        em.persist(call);
        event(call, "created", JsonP.createObjectBuilder(detail).add("direction", call.direction())
                .add("channel", call.channel()).add("by", by));
        em.flush();
        em.refresh(call); // loads the agent for the views
        changed(call, "created");
        return CallView.of(call);
    }

    /** The carrier's session of a call that had none yet; false when the call already follows another session. */
    public boolean attachSession(UUID id, String channel, String sessionId) {
        int changed = em.createQuery("UPDATE CallLog c SET c.providerSessionId = :session, c.version = c.version + 1"
                        + " WHERE c.id = :id AND c.channel = :channel AND c.providerSessionId IS NULL")
                .setParameter("session", sessionId).setParameter("id", id).setParameter("channel", channel)
                .executeUpdate();
        if (changed == 1) {
            changed(fresh(id), "updated");
            return true;
        }
        CallLog call = fresh(id);
        return call != null && channel.equals(call.channel()) && sessionId.equals(call.providerSessionId());
    }

    /** The carrier leg's call control id of a call that had none yet; false when it follows another leg. */
    public boolean attachCallControlId(UUID id, String channel, String callControlId) {
        int changed = em.createQuery("UPDATE CallLog c SET c.providerCallControlId = :leg, c.version = c.version + 1"
                        + " WHERE c.id = :id AND c.channel = :channel AND c.providerCallControlId IS NULL")
                .setParameter("leg", callControlId).setParameter("id", id).setParameter("channel", channel)
                .executeUpdate();
        if (changed == 1) {
            changed(fresh(id), "updated");
            return true;
        }
        CallLog call = fresh(id);
        return call != null && channel.equals(call.channel()) && callControlId.equals(call.providerCallControlId());
    }

    /** The call that follows a carrier leg (Telnyx's call_control_id), if any. */
    public Optional<CallView> byCallControlId(String callControlId) {
        return em.createQuery("SELECT c FROM CallLog c WHERE c.providerCallControlId = :leg", CallLog.class)
                .setParameter("leg", callControlId).getResultStream().findFirst().map(CallView::of);
    }

    /** A call as the API shows it, without its timeline; for boundaries that already checked who may see it. */
    public Optional<CallView> view(UUID id) {
        return Optional.ofNullable(em.find(CallLog.class, id)).map(CallView::of);
    }

    /**
     * A command the platform sent to the carrier on its own failed (after an accept, say): the failure goes into the
     * timeline as {@code command_failed}, and a live call is pushed as {@code call:updated}. The status stays.
     */
    public void carrierCommandFailed(UUID id, JsonObject data) {
        int bumped = em.createQuery("UPDATE CallLog c SET c.version = c.version + 1 WHERE c.id = :id")
                .setParameter("id", id).executeUpdate();
        if (bumped == 0) {
            return;
        }
        CallLog call = fresh(id);
        event(call, "command_failed", JsonP.createObjectBuilder(data));
        if (!call.status().isFinal()) {
            changed(call, "updated");
        }
    }

    /** The call that follows a carrier session, if any. */
    public Optional<CallView> bySession(String sessionId) {
        return em.createQuery("SELECT c FROM CallLog c WHERE c.providerSessionId = :session", CallLog.class)
                .setParameter("session", sessionId).getResultStream().findFirst().map(CallView::of);
    }

    /**
     * The most recent call an agent started through a carrier that is still dialing to {@code phoneNumber} and has no
     * carrier session yet: the call a browser-placed carrier call belongs to.
     */
    public Optional<CallView> pendingOutbound(String channel, UUID agentId, String phoneNumber, Instant since) {
        return em.createQuery("SELECT c FROM CallLog c WHERE c.channel = :channel AND c.agentId = :agent"
                        + " AND c.phoneNumber = :phone AND c.status = :dialing AND c.providerSessionId IS NULL"
                        + " AND c.direction = :outbound AND c.createdAt >= :since ORDER BY c.createdAt DESC", CallLog.class)
                .setParameter("channel", channel).setParameter("agent", agentId).setParameter("phone", phoneNumber)
                .setParameter("dialing", CallStatus.DIALING).setParameter("outbound", CallLog.OUTBOUND)
                .setParameter("since", since).setMaxResults(1).getResultStream().findFirst().map(CallView::of);
    }

    /** A timeline entry for something the carrier said or answered ({@code provider.*}); the status is unchanged. */
    public void carrierEvent(UUID id, String type, JsonObject data) {
        CallLog call = em.find(CallLog.class, id);
        if (call != null) {
            event(call, type, JsonP.createObjectBuilder(data));
        }
    }

    /**
     * The carrier reports a call answered: {@code dialing → active}, and a {@code waiting} carrier call answered
     * before any agent accepted it becomes {@code active} with no agent (an agent may still take it); anything else
     * stays as it is, so a late answer never revives a final call.
     */
    public boolean carrierAnswered(UUID id) {
        int changed = em.createQuery("UPDATE CallLog c SET c.status = :active, c.answeredAt = COALESCE(c.answeredAt, :now),"
                        + " c.version = c.version + 1 WHERE c.id = :id AND (c.status = :dialing OR c.status = :waiting)")
                .setParameter("active", CallStatus.ACTIVE).setParameter("now", Times.now())
                .setParameter("id", id).setParameter("dialing", CallStatus.DIALING)
                .setParameter("waiting", CallStatus.WAITING).executeUpdate();
        if (changed == 1) {
            changed(fresh(id), "updated");
        }
        return changed == 1;
    }

    /** The carrier refused to start a call: {@code dialing → failed}, with its error in the timeline. */
    public boolean carrierFailed(UUID id, String cause, JsonObject data) {
        Instant now = Times.now();
        int changed = em.createQuery("UPDATE CallLog c SET c.status = :failed, c.endedAt = :now, c.durationSeconds = 0,"
                        + " c.hangupCause = :cause, c.version = c.version + 1 WHERE c.id = :id AND c.status = :dialing")
                .setParameter("failed", CallStatus.FAILED).setParameter("now", now).setParameter("cause", cause)
                .setParameter("id", id).setParameter("dialing", CallStatus.DIALING).executeUpdate();
        if (changed == 0) {
            return false;
        }
        CallLog call = fresh(id);
        event(call, "failed", JsonP.createObjectBuilder(data).add("hangupCause", cause));
        changed(call, "failed");
        return true;
    }

    /**
     * The carrier reports the call over: a waiting call becomes {@code missed} (duration 0), a dialing or active one
     * {@code ended} with the carrier's duration when it gives one. A final call never changes (false).
     */
    public boolean carrierEnded(UUID id, String cause, Integer carrierDurationSeconds, String by, JsonObject data) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            CallLog call = fresh(id);
            if (call == null) {
                throw notFound(id);
            }
            Optional<CallStatus> after = call.status().afterEnd();
            if (after.isEmpty()) {
                return false;
            }
            CallStatus next = after.get();
            Instant now = Times.now();
            int duration = 0;
            if (next == CallStatus.ENDED) {
                duration = carrierDurationSeconds != null ? Math.max(0, carrierDurationSeconds)
                        : call.answeredAt() == null ? 0
                        : (int) Math.max(0, Duration.between(call.answeredAt(), now).getSeconds());
            }
            int changed = em.createQuery("UPDATE CallLog c SET c.status = :next, c.endedAt = :now,"
                            + " c.durationSeconds = :duration, c.hangupCause = :cause, c.version = c.version + 1"
                            + " WHERE c.id = :id AND c.version = :version")
                    .setParameter("next", next).setParameter("now", now).setParameter("duration", duration)
                    .setParameter("cause", cause).setParameter("id", id).setParameter("version", call.version())
                    .executeUpdate();
            if (changed == 1) {
                em.refresh(call);
                String type = next == CallStatus.MISSED ? "missed" : "ended";
                event(call, type, JsonP.createObjectBuilder(data).add("hangupCause", cause)
                        .add("durationSeconds", duration).add("by", by));
                changed(call, type);
                return true;
            }
        }
        throw busy(id);
    }

    // ---- internals ------------------------------------------------------------------------------------------

    /**
     * The one place every change of a call passes, after it was written and in the same transaction: the
     * real-time work publishes the call's events from here, so that they leave only if the change commits.
     */
    private void changed(CallLog call, String eventName) {
        pushes.changed(call, eventName);
    }

    /**
     * Tells the carrier integration that a call with a carrier leg was accepted or missed; its observers act only
     * after this transaction commits, so a carrier command is never sent for a change that rolled back.
     */
    private void legChanged(CallLog call, CarrierLeg.Change change) {
        if (call.providerCallControlId() != null && CallLog.INBOUND.equals(call.direction())) {
            carrierLegs.fire(new CarrierLeg(change, call.id(), call.channel(), call.providerCallControlId(),
                    call.agentId()));
        }
    }

    /** The platform ended a call whose carrier leg may still be up (either direction): the carrier hangs it up. */
    private void legEnded(CallLog call) {
        if (call.providerCallControlId() != null) {
            carrierLegs.fire(new CarrierLeg(CarrierLeg.Change.ENDED, call.id(), call.channel(),
                    call.providerCallControlId(), null));
        }
    }

    /** Records that the call was offered; the real-time work offers it to the available agents and counts them. */
    private void offer(CallLog call) {
        event(call, "offered", JsonP.createObjectBuilder().add("agents", pushes.offerCount()));
    }

    private void event(CallLog call, String type, JsonObjectBuilder data) {
        em.persist(new TimelineEntry(call.id(), type, Times.now(), data.build().toString()));
    }

    private List<CallView.Event> timeline(UUID callId) {
        return em.createQuery("SELECT e FROM TimelineEntry e WHERE e.callId = :id ORDER BY e.id", TimelineEntry.class)
                .setParameter("id", callId)
                .getResultStream()
                .map(e -> new CallView.Event(e.type(), CallView.iso(e.at()), parse(e.data())))
                .toList();
    }

    /** The row as it is now in the database, also when this transaction read it before a bulk UPDATE. */
    private CallLog fresh(UUID id) {
        CallLog call = em.find(CallLog.class, id);
        if (call != null) {
            em.refresh(call);
        }
        return call;
    }

    private CallView withCallerToken(CallView view) {
        return view.withCallerToken(callerToken(view.id(), Times.now()));
    }

    private String callerToken(UUID callId, Instant now) {
        Duration ttl = Duration.ofMinutes(settings.tokenTtlMinutes());
        if (ttl.compareTo(CALLER_TOKEN_MAX_TTL) > 0) {
            ttl = CALLER_TOKEN_MAX_TTL;
        }
        return tokens.caller(callId, now, now.plus(ttl)).token();
    }

    /** Agents see their own calls and the waiting ones, clients the calls they started, supervisors and admins all. */
    static boolean visible(CallLog call, Actor who) {
        return mayEnd(call, who) || (who.isUser() && call.status() == CallStatus.WAITING);
    }

    /** The parties of a call: its caller, the client that started it, its agent; supervisors and admins too. */
    static boolean mayEnd(CallLog call, Actor who) {
        if (who.seesAll()) {
            return true;
        }
        if (who.isCaller()) {
            return call.id().equals(who.callId());
        }
        if (who.isClient()) {
            return who.id().equals(call.createdByClientId());
        }
        return who.id().equals(call.agentId());
    }

    private static void visibility(Actor who, List<String> where, Map<String, Object> params) {
        if (who.seesAll()) {
            return;
        }
        if (who.isClient()) {
            where.add("c.createdByClientId = :me");
        } else if (who.isUser()) {
            where.add("(c.agentId = :me OR c.status = :visibleWaiting)");
            params.put("visibleWaiting", CallStatus.WAITING);
        } else {
            throw CallCenterException.forbidden("Your role does not allow this");
        }
        params.put("me", who.id());
    }

    private void filters(CallQuery query, List<String> where, Map<String, Object> params) {
        List<FieldError> errors = new ArrayList<>();
        if (present(query.status())) {
            CallStatus.fromWire(query.status().trim()).ifPresentOrElse(s -> {
                where.add("c.status = :status");
                params.put("status", s);
            }, () -> errors.add(new FieldError("status", "must be one of dialing, waiting, active, ended, missed, failed")));
        }
        if (present(query.channel())) {
            String channel = query.channel().trim();
            if (List.of(CallLog.CHANNEL_APP, CallLog.CHANNEL_TELNYX, CallLog.CHANNEL_AFRICASTALKING).contains(channel)) {
                where.add("c.channel = :channel");
                params.put("channel", channel);
            } else {
                errors.add(new FieldError("channel", "must be one of app, telnyx, africastalking"));
            }
        }
        if (present(query.agentId())) {
            try {
                params.put("agentId", UUID.fromString(query.agentId().trim()));
                where.add("c.agentId = :agentId");
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("agentId", "must be a user id (UUID)"));
            }
        }
        if (query.phoneNumber() != null) {
            try {
                params.put("phoneNumber", phoneNumbers.normalize(query.phoneNumber(), "phoneNumber"));
                where.add("c.phoneNumber = :phoneNumber");
            } catch (CallCenterException e) {
                errors.addAll(e.errors());
            }
        }
        Instant from = instant(query.from(), "from", errors);
        Instant to = instant(query.to(), "to", errors);
        if (from != null) {
            where.add("c.createdAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("c.createdAt < :to");
            params.put("to", to);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw CallCenterException.invalid(errors);
        }
    }

    private static Instant instant(String raw, String field, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.trim()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-11-23T17:02:11.123Z"));
            return null;
        }
    }

    private static boolean present(String value) {
        if (value != null && value.isBlank()) {
            return true; // an empty filter is a mistake, not "no filter": it fails the checks above
        }
        return value != null;
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = JsonP.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static CallCenterException notFound(UUID id) {
        return CallCenterException.notFound("No call " + id);
    }

    private static CallCenterException alreadyEnded(UUID id) {
        return CallCenterException.conflict("call-already-ended", "Call already ended", "Call " + id + " has already ended")
                .with("callId", id);
    }

    private static CallCenterException busy(UUID id) {
        return CallCenterException.conflict("call-busy", "Call changing", "Call " + id
                + " kept changing while this request was handled; retry it").with("callId", id);
    }
}
