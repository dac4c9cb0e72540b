package callcenter.events;

import java.time.Duration;
import java.util.UUID;
import java.lang.management.ManagementFactory;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.management.ObjectName;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;

/**
 * Proves that this node's fan-out flows: every second (more often until the first one is back, see
 * {@link #FIRST_ECHO_PERIOD}) it publishes a probe on the call-events topic and its own
 * listener reports the probe back. A broker connection that can be opened is not enough: after a broker restart
 * the listener's consumer may still be waiting to reconnect while new connections already work, and a node that
 * said ready then would take agents whose {@code call:incoming} never arrives. Readiness asks {@link #flowing()}.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FanOutProbe {

    private static final Logger LOG = Logger.getLogger(FanOutProbe.class.getName());

    /** The JMS property that marks a probe; its value is the boot that sent it. Listeners skip other boots' probes. */
    public static final String PROPERTY = "callcenterProbe";
    static final Duration PERIOD = Duration.ofSeconds(1);
    /**
     * Until this boot's first probe comes back, with the broker taking probes: at start the listener subscribes a
     * moment after this bean sends its first probe, which is then lost, and a whole period more would keep the node
     * out of the balancer for up to a second longer than needed (docs/performance.md, "Start-up").
     */
    static final Duration FIRST_ECHO_PERIOD = Duration.ofMillis(100);
    /** Several periods, so that one slow round trip under load does not take the node out of the balancer. */
    static final Duration FLOWING_WITHIN = Duration.ofSeconds(6);
    /**
     * The call-events listener (web's {@code CallEventsListener}) as WildFly's management model names it; the EAR,
     * WAR and bean names are fixed by the build.
     */
    static final String LISTENER = "jboss.as:deployment=callcenter.ear,subdeployment=callcenter-web.war,"
            + "subsystem=ejb3,message-driven-bean=CallEventsListener";
    /** Probes sent but none back for this long, with the broker answering: the listener is stuck in its back-off. */
    static final Duration STALLED_AFTER = Duration.ofSeconds(4);
    /** A listener restart gets this long to connect before another one is asked for (also after deployment). */
    static final Duration RESTART_PAUSE = Duration.ofSeconds(15);

    private final String boot = UUID.randomUUID().toString();
    private volatile long lastEchoNanos;
    private volatile boolean echoed;
    private volatile boolean sendFailing;
    private volatile long lastSentNanos;
    private volatile long quietSinceNanos = System.nanoTime();
    private ScheduledFuture<?> task;
    private boolean stopped;

    @Resource(lookup = "java:/jms/CallCenterCF")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/topic/CallEvents")
    Topic topic;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @PostConstruct
    void start() {
        schedule(0);
    }

    /** No probe from now on: at undeployment, and when the node drains (its readiness is DOWN for good then). */
    @PreDestroy
    public synchronized void stop() {
        stopped = true;
        if (task != null) {
            task.cancel(false);
        }
    }

    public synchronized boolean probing() {
        return !stopped;
    }

    // Each probe schedules the next one after it is done, not a timer: while the broker is away a send can block for
    // the URL's send timeout, and the next probe simply waits for it instead of piling up.
    private void probe() {
        try {
            send();
        } finally {
            // Whatever send() lets escape, the probes go on: a chain that ended here would leave the node unready.
            schedule((echoed || sendFailing ? PERIOD : FIRST_ECHO_PERIOD).toMillis());
        }
    }

    private synchronized void schedule(long delayMillis) {
        if (!stopped) {
            task = scheduler.schedule(this::probe, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Called by the listener for every probe on the topic; only this boot's own count. */
    public void received(String sender) {
        if (boot.equals(sender)) {
            lastEchoNanos = System.nanoTime();
            echoed = true;
        }
    }

    /** Whether a probe of this node came back through its listener within the last few seconds. */
    public boolean flowing() {
        return echoed && System.nanoTime() - lastEchoNanos < FLOWING_WITHIN.toNanos();
    }

    /** How long ago the last probe came back, for the health answer; -1 when none has yet. */
    public long millisSinceEcho() {
        return echoed ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastEchoNanos) : -1;
    }

    /**
     * The broker takes probes and none comes back: the listener is waiting out the resource adapter's reconnect
     * back-off, which doubles up to 30 s and cannot be configured. Stopping and starting its delivery (WildFly's
     * management operations on the MDB, through the in-VM JMX view of the management model) makes a new consumer
     * connect at once. At most once per pause, which also covers deployment while the listener is being activated.
     */
    private void restartIfStalled() {
        long now = System.nanoTime();
        long since = echoed ? Math.max(lastEchoNanos, quietSinceNanos) : quietSinceNanos;
        if (now - since <= STALLED_AFTER.toNanos() || now - quietSinceNanos <= RESTART_PAUSE.toNanos()) {
            return;
        }
        quietSinceNanos = now;
        long millis = millisSinceEcho();
        try {
            var server = ManagementFactory.getPlatformMBeanServer();
            ObjectName listener = new ObjectName(LISTENER);
            server.invoke(listener, "stopDelivery", new Object[0], new String[0]);
            server.invoke(listener, "startDelivery", new Object[0], new String[0]);
            LOG.warning("Fan-out probes reached the broker but none came back for " + millis
                    + " ms: the call-events listener was restarted");
        } catch (Exception e) {
            // The adapter's own back-off still reconnects within 30 s; readiness stays 503 until it does.
            LOG.log(Level.WARNING, "Could not restart the stalled call-events listener: " + e);
        }
    }

    private void send() {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(topic);
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            // A probe nobody consumed in time is worthless: the broker drops it rather than keep it.
            producer.setTimeToLive(FLOWING_WITHIN.toMillis());
            Message probe = session.createMessage();
            probe.setStringProperty(PROPERTY, boot);
            producer.send(probe);
            lastSentNanos = System.nanoTime();
            restartIfStalled();
            if (sendFailing) {
                sendFailing = false;
                LOG.info("Fan-out probe sent again: the broker is reachable");
            }
        } catch (Exception e) {
            // Logged once per outage; readiness shows it meanwhile.
            if (!sendFailing) {
                sendFailing = true;
                LOG.log(Level.WARNING, "Fan-out probe could not be sent, the node is not ready until one comes back: " + e);
            }
        }
    }
}
