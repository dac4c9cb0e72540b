package callcenter.stats.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.agents.boundary.AgentView;
import callcenter.agents.boundary.PresenceService;
import callcenter.agents.entity.AgentStatus;
import callcenter.calls.entity.CallStatus;
import callcenter.common.Times;
import callcenter.platform.Settings;

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

    public Stats current() {
        Instant now = Times.now();
        long waiting = count(CallStatus.WAITING);
        long active = count(CallStatus.ACTIVE);
        Instant oldest = em.createQuery("SELECT MIN(c.createdAt) FROM CallLog c WHERE c.status = :waiting", Instant.class)
                .setParameter("waiting", CallStatus.WAITING).getSingleResult();
        long longestWait = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).getSeconds());
        return new Stats(waiting, active, longestWait, agents(presence.agents()), today(now));
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
    private Stats.Today today(Instant now) {
        Instant start = TodayFigures.startOfDay(now, settings.timezone());
        List<TodayFigures.Offered> offered = em.createQuery("SELECT c.createdAt, c.answeredAt, c.status FROM CallLog c"
                        + " WHERE c.direction = 'inbound' AND c.createdAt >= :start", Object[].class)
                .setParameter("start", start)
                .getResultStream()
                .map(r -> new TodayFigures.Offered((Instant) r[0], (Instant) r[1], r[2] == CallStatus.MISSED))
                .toList();
        return TodayFigures.of(offered, settings.serviceLevelSeconds());
    }
}
