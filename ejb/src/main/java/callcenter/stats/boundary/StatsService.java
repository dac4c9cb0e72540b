package callcenter.stats.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.agents.boundary.AgentView;
import callcenter.agents.boundary.PresenceService;
import callcenter.agents.entity.AgentStatus;
import callcenter.calls.entity.CallStatus;
import callcenter.common.CallCenterException;
import callcenter.common.Times;
import callcenter.platform.Settings;
import callcenter.queues.boundary.QueueService;
import callcenter.queues.boundary.QueueView;

/**
 * The wallboard's figures, computed from the database on every call, so every node reports the same numbers and
 * nothing is lost when a node restarts.
 */
@Stateless
public class StatsService {

    @PersistenceContext
    EntityManager em;

    @Inject
    PresenceService presence;

    @Inject
    Settings settings;

    @Inject
    QueueService queues;

    public Stats current() {
        Instant now = Times.now();
        long waiting = count(CallStatus.WAITING);
        long active = count(CallStatus.ACTIVE);
        Instant oldest = em.createQuery("SELECT MIN(c.createdAt) FROM CallLog c WHERE c.status = :waiting", Instant.class)
                .setParameter("waiting", CallStatus.WAITING).getSingleResult();
        long longestWait = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).getSeconds());
        List<TodayFigures.Offered> offeredToday = offeredToday(now);
        return new Stats(waiting, active, longestWait, agents(presence.agents()),
                TodayFigures.of(offeredToday, settings.serviceLevelSeconds()), queues(now, offeredToday));
    }

    /** {@code GET /api/stats/history}: the last {@code minutes} minutes, oldest first. */
    public List<MinuteStats> history(int minutes) {
        if (minutes < 1 || minutes > 1440) {
            throw CallCenterException.invalid("minutes", "must be a whole number from 1 to 1440");
        }
        Instant now = Times.now();
        // Calls offered before the window can be answered or missed in it: look back by the longest wait there is.
        Instant since = now.minus(Duration.ofMinutes(minutes)).minus(Duration.ofHours(24));
        List<MinuteStats.Call> calls = em.createQuery("SELECT c.createdAt, c.answeredAt, c.endedAt, c.status"
                        + " FROM CallLog c WHERE c.direction = 'inbound' AND c.createdAt >= :since", Object[].class)
                .setParameter("since", since).getResultStream()
                .map(r -> new MinuteStats.Call((Instant) r[0], (Instant) r[1],
                        r[3] == CallStatus.MISSED ? (Instant) r[2] : null))
                .toList();
        return MinuteStats.of(calls, now, minutes, settings.serviceLevelSeconds());
    }

    /** Each queue's figures, by name. */
    private List<QueueStats> queues(Instant now, List<TodayFigures.Offered> offeredToday) {
        Map<String, Object[]> waiting = new HashMap<>();
        em.createQuery("SELECT c.queue, COUNT(c), MIN(c.createdAt) FROM CallLog c WHERE c.status = :waiting"
                        + " GROUP BY c.queue", Object[].class)
                .setParameter("waiting", CallStatus.WAITING).getResultStream().forEach(r -> waiting.put((String) r[0], r));
        Map<String, long[]> members = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT m.queue_name, p.status, COUNT(*) FROM queue_members m"
                + " JOIN agent_presence p ON p.user_id = m.user_id JOIN users u ON u.id = m.user_id"
                + " WHERE u.enabled = TRUE AND p.status IN ('available', 'busy')"
                + " AND EXISTS (SELECT 1 FROM agent_sockets s WHERE s.user_id = m.user_id)"
                + " GROUP BY m.queue_name, p.status").getResultList()) {
            Object[] r = (Object[]) row;
            members.computeIfAbsent((String) r[0], k -> new long[2])["busy".equals(r[1]) ? 1 : 0] =
                    ((Number) r[2]).longValue();
        }
        Map<String, List<TodayFigures.Offered>> today = offeredToday.stream().filter(o -> o.queue() != null)
                .collect(Collectors.groupingBy(TodayFigures.Offered::queue));
        List<QueueStats> result = new ArrayList<>();
        for (QueueView queue : queues.views()) {
            Object[] w = waiting.get(queue.name());
            long[] m = members.getOrDefault(queue.name(), new long[2]);
            List<TodayFigures.Offered> offered = today.getOrDefault(queue.name(), List.of());
            long longest = w == null ? 0 : Math.max(0, Duration.between((Instant) w[2], now).getSeconds());
            result.add(new QueueStats(queue.name(), w == null ? 0 : (Long) w[1], longest, m[0], m[1],
                    QueueStats.Today.of(offered.size(), TodayFigures.of(offered, settings.serviceLevelSeconds()))));
        }
        return result;
    }

    private long count(CallStatus status) {
        return em.createQuery("SELECT COUNT(c) FROM CallLog c WHERE c.status = :status", Long.class)
                .setParameter("status", status).getSingleResult();
    }

    static Stats.Agents agents(List<AgentView> agents) {
        long available = 0;
        long busy = 0;
        long away = 0;
        long offline = 0;
        for (AgentView agent : agents) {
            switch (AgentStatus.fromWire(agent.status()).orElse(AgentStatus.OFFLINE)) {
                case AVAILABLE -> available++;
                case BUSY -> busy++;
                case AWAY -> away++;
                case OFFLINE -> offline++;
            }
        }
        return new Stats.Agents(available, busy, away, offline);
    }

    /** Offered calls are the inbound ones: an outbound call is never offered to agents. */
    private List<TodayFigures.Offered> offeredToday(Instant now) {
        Instant start = TodayFigures.startOfDay(now, settings.timezone());
        return em.createQuery("SELECT c.createdAt, c.answeredAt, c.status, c.queue FROM CallLog c"
                        + " WHERE c.direction = 'inbound' AND c.createdAt >= :start", Object[].class)
                .setParameter("start", start)
                .getResultStream()
                .map(r -> new TodayFigures.Offered((Instant) r[0], (Instant) r[1], r[2] == CallStatus.MISSED,
                        (String) r[3]))
                .toList();
    }
}
