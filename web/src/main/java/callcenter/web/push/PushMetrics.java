package callcenter.web.push;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * This node's push meters: the open WebSockets ({@value #SESSIONS}) and the fan-out latency ({@value #FAN_OUT}),
 * the time from an event's publication on any node to its frames being queued for this node's sockets.
 */
@ApplicationScoped
public class PushMetrics {

    /** Prometheus: {@code callcenter_websocket_sessions}. */
    public static final String SESSIONS = "callcenter.websocket.sessions";

    /** Prometheus: {@code callcenter_fanout_latency_seconds_{count,sum,max}}. */
    public static final String FAN_OUT = "callcenter.fanout.latency";

    @Inject
    MeterRegistry registry;

    @Inject
    SocketRegistry sockets;

    private Timer fanOut;

    @PostConstruct
    void register() {
        // registry.gauge/timer(...), not the meter builders: WildFly 39's per-deployment registry forwards only
        // these methods to the exported registry. The gauge holds "sockets" weakly; this bean holds it strongly.
        registry.gauge(SESSIONS, Tags.empty(), sockets, SocketRegistry::size);
        fanOut = registry.timer(FAN_OUT);
    }

    /** Creates the bean at deployment, so the gauge is there before the first socket or event. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: observing instantiates the bean, and @PostConstruct registers the meters.
    }

    /**
     * Records the latency of one event pushed here. The publishing node's clock stamped the message, so across
     * nodes this includes their clock difference; a negative difference counts as zero.
     */
    void pushed(long publishedAtMillis) {
        if (publishedAtMillis <= 0) {
            return;
        }
        fanOut.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - publishedAtMillis)));
    }

    @PreDestroy
    void stop() {
        // A redeployment registers new meters; the old gauge would keep reading this undeployed registry of sockets.
        registry.find(SESSIONS).gauges().forEach(registry::remove);
        registry.remove(fanOut);
    }
}
