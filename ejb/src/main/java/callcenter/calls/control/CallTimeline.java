package callcenter.calls.control;

import java.util.List;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;
import callcenter.calls.entity.TimelineEntry;
import callcenter.common.JsonP;
import callcenter.common.Times;

/** A call's timeline: what happened to it, in the order the platform recorded it. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CallTimeline {

    @PersistenceContext
    EntityManager em;

    public void add(UUID callId, String type, JsonObject data) {
        em.persist(new TimelineEntry(callId, type, Times.now(), data.toString()));
    }

    /** Adds the entry unless the call has one of this type with exactly this data already. */
    public void addOnce(UUID callId, String type, JsonObject data) {
        String json = data.toString();
        long already = em.createQuery("SELECT COUNT(e) FROM TimelineEntry e WHERE e.callId = :id AND e.type = :type"
                        + " AND e.data = :data", Long.class)
                .setParameter("id", callId).setParameter("type", type).setParameter("data", json)
                .getSingleResult();
        if (already == 0) {
            em.persist(new TimelineEntry(callId, type, Times.now(), json));
        }
    }

    /**
     * The entry of a call that just ended: {@code missed}, {@code failed} or {@code ended} as its status, with its
     * cause, duration and who ended it after {@code details} (the carrier's fields, or nothing).
     */
    public void ended(CallLog call, String by, JsonObject details) {
        String type = switch (call.status()) {
            case MISSED -> "missed";
            case FAILED -> "failed";
            default -> "ended";
        };
        add(call.id(), type, JsonP.createObjectBuilder(details)
                .add("hangupCause", call.hangupCause())
                .add("durationSeconds", call.durationSeconds())
                .add("by", by).build());
    }

    /** Oldest first: entries are numbered one at a time in the order they were written. */
    public List<TimelineEntry> of(UUID callId) {
        return em.createQuery("SELECT e FROM TimelineEntry e WHERE e.callId = :id ORDER BY e.id", TimelineEntry.class)
                .setParameter("id", callId)
                .getResultList();
    }
}
