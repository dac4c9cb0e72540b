package callcenter.web.push;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;

import callcenter.common.Times;
import callcenter.platform.Settings;

/**
 * Pings every socket of this node every {@code CALLCENTER_WS_PING_SECONDS} (default 30). A dashboard that only
 * listens sends nothing for minutes; the server's read timeout, and proxies and load balancers in between, would
 * close such a connection as idle (the benchmark saw every agent socket dropped after 90 s). Browsers answer a
 * ping with a pong on their own, which keeps the connection alive without any code in the pages.
 * <p>
 * The same round closes the sockets whose token expired (1008 {@value #EXPIRED}), so that a socket never outlives
 * its token by more than one period, and those that answered nothing, not even a pong, for two periods (1001
 * {@value #UNANSWERED}).
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Keepalive {

    static final String EXPIRED = "token expired";
    static final String UNANSWERED = "no answer to pings";

    @Resource
    TimerService timers;

    @Inject
    Settings settings;

    @Inject
    SocketRegistry registry;

    @Inject
    SocketWriter writer;

    @PostConstruct
    void start() {
        long period = TimeUnit.SECONDS.toMillis(settings.wsPingSeconds());
        // Not persistent: there is nothing to catch up after a restart, the sockets are gone with the node.
        timers.createIntervalTimer(period, period, new TimerConfig(null, false));
    }

    @Timeout
    void ping() {
        Instant now = Times.now();
        long nanos = System.nanoTime();
        long silence = TimeUnit.SECONDS.toNanos(2L * settings.wsPingSeconds());
        for (Peer peer : registry.all()) {
            if (peer.expired(now)) {
                writer.close(peer, CloseReason.CloseCodes.VIOLATED_POLICY, EXPIRED);
            } else if (peer.silentFor(silence, nanos)) {
                // api.md section 8: a frozen tab, a sleeping laptop, a dead link. Closing starts the agent's grace
                // period, so no call is offered to a socket nobody reads.
                writer.close(peer, CloseReason.CloseCodes.GOING_AWAY, UNANSWERED);
            } else {
                writer.ping(peer);
            }
        }
    }
}
