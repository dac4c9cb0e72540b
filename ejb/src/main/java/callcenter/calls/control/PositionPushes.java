package callcenter.calls.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.calls.entity.CallLog;
import callcenter.common.Times;
import callcenter.common.Uuids;
import callcenter.events.Audience;
import callcenter.events.Push;
import callcenter.events.PushPublisher;

/**
 * {@code queue:position} on the caller's socket (api.md section 7): whenever a waiting call's position or estimate
 * changed, at most once every {@link #MIN_INTERVAL_SECONDS}.
 */
@Stateless
public class PositionPushes {

    static final int MIN_INTERVAL_SECONDS = 2;

    /** The event's data; {@code estimatedWaitSeconds} is written as null when unknown. */
    @JsonbNillable
    public record Position(UUID callId, String queue, int position, Integer estimatedWaitSeconds) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    QueuePositions positions;

    @Inject
    PushPublisher publisher;

    /** A call starts waiting: its caller is told its first position on the next tick. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void queued(UUID callId) {
        em.createNativeQuery("INSERT INTO call_positions (call_id, position, estimate, pushed_at) VALUES (?, NULL, NULL, ?)")
                .setParameter(1, callId).setParameter(2, Instant.EPOCH).executeUpdate();
    }

    /**
     * The places of waiting calls whose caller may need telling: a caller socket was opened for the call (no event is
     * published for a caller who has none: a carrier call's, or an app's that never opens one), and the place changed
     * since last told, long enough ago. The rest are filtered here, in a few reads, rather than each costing the tick
     * a transaction of its own. {@link #tell} decides for good.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    @SuppressWarnings("unchecked")
    public List<QueuePositions.Place> waiting(int max) {
        Map<UUID, Told> told = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("SELECT p.call_id, p.position, p.estimate,"
                        + " p.pushed_at FROM calls c JOIN call_positions p ON p.call_id = c.id"
                        + " WHERE c.status = 'waiting' AND p.caller_joined ORDER BY c.created_at, c.id")
                .setMaxResults(max).getResultList()) {
            told.put(Uuids.of(row[0]), new Told(integer(row[1]), integer(row[2]), Times.instant(row[3])));
        }
        if (told.isEmpty()) {
            return List.of();
        }
        List<CallLog> calls = em.createQuery("SELECT c FROM CallLog c WHERE c.id IN :ids", CallLog.class)
                .setParameter("ids", told.keySet()).getResultList();
        Instant recently = Times.now().minusSeconds(MIN_INTERVAL_SECONDS);
        return positions.of(calls).values().stream().filter(place -> {
            Told last = told.get(place.callId());
            return !last.at().isAfter(recently) && (!Objects.equals(last.position(), place.position())
                    || !Objects.equals(last.estimate(), place.estimatedWaitSeconds()));
        }).toList();
    }

    /** What a caller was last told, and when. */
    private record Told(Integer position, Integer estimate, Instant at) {
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    /**
     * Tells the callers of {@code places} their place where it changed and the last was told long enough ago, in one
     * transaction: a tick used to run one per caller, each with its own two-phase commit of the database and the
     * broker (with 150 callers waiting, 75 commits a second on each node, during the fan-out benchmark's load). A
     * conditional UPDATE per call still decides, so of several nodes ticking at once only one pushes each place: the
     * other's UPDATE waits for the row, then finds it told. Rows are taken in the order of their call ids, the same
     * on every node, so two ticks never wait on each other in a circle.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void tell(List<QueuePositions.Place> places) {
        Instant now = Times.now();
        List<Push> told = new ArrayList<>();
        List<QueuePositions.Place> inLockOrder = places.stream()
                .sorted(Comparator.comparing(QueuePositions.Place::callId)).toList();
        for (QueuePositions.Place place : inLockOrder) {
            if (claim(place, now)) {
                told.add(position(place).forCall(place.callId(), place.version()));
            }
        }
        publisher.publish(told);
    }

    /** Records the place as told, if it changed and the last was told long enough ago: whether this node tells it. */
    private boolean claim(QueuePositions.Place place, Instant now) {
        return record(place.callId(), place.position(), place.estimatedWaitSeconds(), now,
                "pushed_at <= ? AND (COALESCE(position, -1) <> ? OR COALESCE(estimate, -1) <> ?)",
                now.minusSeconds(MIN_INTERVAL_SECONDS));
    }

    /**
     * Records that a caller socket opened for the call (from now on the ticks tell its caller each change), and its
     * place as told to that socket, opened at {@code openedAt}, unless a tick told these same values since then (its
     * push reaches that socket itself): the event to send the socket now, if any. The next tick then tells only a
     * change, no sooner than {@link #MIN_INTERVAL_SECONDS} later.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Optional<Push> toldOnJoin(QueuePositions.Place place, Instant openedAt) {
        em.createNativeQuery("UPDATE call_positions SET caller_joined = TRUE WHERE call_id = ? AND NOT caller_joined")
                .setParameter(1, place.callId()).executeUpdate();
        boolean tell = record(place.callId(), place.position(), place.estimatedWaitSeconds(), Times.now(),
                "NOT (pushed_at >= ? AND COALESCE(position, -1) = ? AND COALESCE(estimate, -1) = ?)", openedAt);
        return tell ? Optional.of(position(place)) : Optional.empty();
    }

    /** {@code queue:position} to the call's caller. */
    static Push position(QueuePositions.Place place) {
        return Push.of("queue:position", new Position(place.callId(), place.queue(), place.position(),
                place.estimatedWaitSeconds()), Audience.caller(place.callId()));
    }

    /**
     * Sets the call's told place when {@code condition} holds: its parameters are {@code since}, then the new
     * position and estimate. Answers whether it did.
     */
    private boolean record(UUID callId, int position, Integer estimatedWaitSeconds, Instant now, String condition,
                           Instant since) {
        // -1 stands for "no estimate": a typed value, where a null parameter would leave PostgreSQL guessing its type.
        int estimate = estimatedWaitSeconds == null ? -1 : estimatedWaitSeconds;
        return em.createNativeQuery("UPDATE call_positions SET position = ?,"
                        + " estimate = CASE WHEN ? < 0 THEN NULL ELSE ? END, pushed_at = ?"
                        + " WHERE call_id = ? AND " + condition)
                .setParameter(1, position).setParameter(2, estimate).setParameter(3, estimate)
                .setParameter(4, now).setParameter(5, callId)
                .setParameter(6, since).setParameter(7, position).setParameter(8, estimate).executeUpdate() > 0;
    }
}
