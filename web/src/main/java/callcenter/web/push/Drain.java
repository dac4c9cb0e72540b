package callcenter.web.push;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    /**
     * Readiness 503 first, then every socket of this node closed with 1012, all at once. Runs once.
     * <p>
     * WildFly's own suspension, started by the same signal in its own shutdown hook, closes every open socket with
     * 1001 (Undertow pauses the WebSocket container). Whichever close comes first decides the code, and a close runs
     * the socket's close handler (presence bookkeeping in the database) before it returns: one socket after the other
     * on this thread, the last ones lost that race (11 of 79 got 1001 in a rolling restart). So each socket is closed
     * on its own short-lived thread: every close frame is queued within milliseconds of the signal, and the handlers
     * run side by side. WildFly's suspension then finds those sockets closing and waits for them; this hook waits
     * too, at most the drain time ({@code CALLCENTER_DRAIN_SECONDS}), so the process does not exit under them.
     */
    void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        List<Peer> peers = List.copyOf(registry.all());
        LOG.info(() -> "Draining: readiness is DOWN, closing " + peers.size() + " WebSockets with 1012");
        long started = System.nanoTime();
        // Plain threads: at shutdown the managed executor may already be gone, and a pool smaller than the sockets
        // would leave the last ones to WildFly's 1001 again.
        List<Thread> closing = new ArrayList<>(peers.size());
        for (Peer peer : peers) {
            Thread thread = new Thread(() -> close(peer), "callcenter-drain-close");
            thread.setDaemon(true);
            thread.start();
            closing.add(thread);
        }
        long deadline = started + TimeUnit.SECONDS.toNanos(drainSeconds());
        for (Thread thread : closing) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long open = closing.stream().filter(Thread::isAlive).count();
        LOG.info(() -> "Drained: " + (peers.size() - open) + " WebSockets closed in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms"
                + (open > 0 ? ", " + open + " still closing at the end of the drain time" : ""));
    }

    /** A socket that opened while the drain went over the registry: told to reconnect like the others. */
    void opened(Peer peer) {
        if (draining.get()) {
            close(peer);
        }
    }

    /** The drain time WildFly's suspension was given (server.cli); 15 s when unreadable. */
    private static long drainSeconds() {
        return Long.getLong("org.wildfly.sigterm.suspend.timeout", 15);
    }

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
