package callcenter.web.push;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * A node's drain when it is stopped with SIGTERM (a rolling restart). WildFly suspends on the signal: new requests
 * are answered 503 while those in flight finish, for at most {@code CALLCENTER_DRAIN_SECONDS} (server.cli). What
 * the server does not do is tell the open WebSockets (they are no requests in flight): without this they stayed
 * open until the deployment stopped and were then closed with 1001, and a dashboard cannot tell that from a
 * network drop. Here, on the same signal, readiness turns 503 (the balancer takes the node out) and every socket is
 * closed with 1012 (service restart): the dashboard reconnects at once, through the balancer, to another node.
 * A socket opened while draining is closed the same way.
 */
@Readiness
@ApplicationScoped
public class Drain implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(Drain.class.getName());
    static final String RESTART = "service restart: reconnect";

    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile Thread hook;

    @Inject
    SocketRegistry registry;

    /** Registered when the application starts, removed when it is undeployed (a redeploy must not leave one). */
    synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (hook != null) {
            return; // an EAR may announce more than one module's start
        }
        Thread thread = new Thread(this::drain, "callcenter-drain");
        Runtime.getRuntime().addShutdownHook(thread);
        hook = thread;
    }

    @PreDestroy
    synchronized void stop() {
        Thread thread = hook;
        if (thread != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(thread);
            } catch (IllegalStateException e) {
                // The JVM is shutting down: the hook runs (or ran) anyway.
            }
        }
        // An undeploy without SIGTERM (a redeploy) is a restart for the sockets too; after the hook, a no-op.
        drain();
    }

    boolean draining() {
        return draining.get();
    }

    /** Readiness 503 first, then every socket of this node closed with 1012. Runs once. */
    void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        int count = registry.size();
        LOG.info(() -> "Draining: readiness is DOWN, closing " + count + " WebSockets with 1012");
        for (Peer peer : registry.all()) {
            close(peer);
        }
    }

    /** Closed on the calling thread: at shutdown the managed executor may already be gone. */
    static void close(Peer peer) {
        try {
            if (peer.session.isOpen()) {
                peer.session.close(new CloseReason(CloseReason.CloseCodes.SERVICE_RESTART, RESTART));
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing a socket while draining failed", e);
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("drain").status(!draining.get()).build();
    }
}
