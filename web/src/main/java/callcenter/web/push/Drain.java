package callcenter.web.push;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import callcenter.events.FanOutProbe;

/**
 * A node's drain when it is stopped with SIGTERM (a rolling restart). WildFly suspends on the signal: new requests
 * are answered 503 while those in flight finish, for at most {@code CALLCENTER_DRAIN_SECONDS} (server.cli). What
 * the server does not do is tell the open WebSockets (they are no requests in flight): its suspension closes them
 * with 1001, and a dashboard cannot tell that from a network drop. Here, first, readiness turns 503 (the balancer
 * takes the node out) and every socket is closed with 1012 (service restart): the dashboard reconnects at once,
 * through the balancer, to another node. A socket opened while draining is closed the same way.
 */
@Readiness
@ApplicationScoped
public class Drain implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(Drain.class.getName());
    static final String RESTART = "service restart: reconnect";
    /**
     * How long the signal waits at most for every socket's close to go through before WildFly's shutdown starts
     * anyway (never longer than the drain time). A rolling restart's node closed 89 and 171 sockets in 0.3 s while
     * the other nodes took them over on the same two cores (ClusterFailuresIT; 1.8 to 3.7 s when each close ran its
     * own transaction), and a node with 10,009 sockets closed them in 4.1 s, its clients on the same cores.
     */
    private static final long CLOSE_WAIT_MILLIS = 5_000;
    /** Threads closing a draining node's sockets; a close only queues the close frame, so a few are plenty. */
    private static final int CLOSERS = 4;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final List<Thread> closing = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Peer> drained = new CopyOnWriteArrayList<>();
    /** Sockets that opened after the signal, closed before they were anyone's: the signal waits for them too. */
    private final List<Session> turnedAway = new CopyOnWriteArrayList<>();
    private volatile long started;
    /** Records the drained sockets' closes in the database; the signal waits for it too. */
    private volatile Thread bookkeeping;
    private volatile Thread hook;
    private volatile TermSignal signal;

    @Inject
    SocketRegistry registry;

    @Inject
    FanOutProbe probe;

    @Inject
    PresenceEvents presence;

    /**
     * Registered when the application starts, removed when it is undeployed (a redeploy must not leave one): the
     * SIGTERM handler, which drains before the JVM starts its shutdown hooks, and a hook for the other ways down
     * (SIGINT, a JVM without signal handlers), which also waits for the closes.
     */
    synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        if (hook != null) {
            return; // an EAR may announce more than one module's start
        }
        Thread thread = new Thread(this::drain, "callcenter-drain");
        Runtime.getRuntime().addShutdownHook(thread);
        hook = thread;
        signal = TermSignal.install(this::beforeShutdown);
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
        TermSignal installed = signal;
        if (installed != null) {
            installed.uninstall();
        }
        // An undeploy without SIGTERM (a redeploy) is a restart for the sockets too; after the signal, it waits only.
        drain();
    }

    boolean draining() {
        return draining.get();
    }

    /**
     * On SIGTERM, before WildFly's shutdown: readiness 503 and every socket closed. WildFly's suspension closes
     * whatever is still open with 1001, and whichever close comes first decides the code; a shutdown hook only raced
     * it (11 of 79 sockets, then 4 of 79, got 1001). So the signal is passed on once every socket's close has gone
     * through, or after {@value #CLOSE_WAIT_MILLIS} ms (at most the drain time). Gone through means both: its close
     * handler has taken it out of the registry, and its connection is closed. Undertow only queues the close frame
     * and runs the handler at once; the connection closes when the frame is written and the client's answer read.
     * A close frame still queued when the server stops never leaves: the client sees the connection drop without
     * one (1 socket of 317 in a rolling restart). The signal also waits for the transactions that record the
     * sockets' closes ({@link PresenceEvents#closedWithNode}), so that they are done before WildFly suspends.
     */
    void beforeShutdown() {
        begin();
        long deadline = System.nanoTime()
                + Math.min(TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS), TimeUnit.SECONDS.toNanos(drainSeconds()));
        while ((stillOpen() > 0 || bookkeeping.isAlive()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        long open = stillOpen();
        int all = drained.size() + turnedAway.size();
        long millis = sinceStarted();
        if (bookkeeping.isAlive()) {
            LOG.warning("The drain's time is up before the closed sockets were all recorded; the rest are recorded"
                    + " while the server stops, or swept after it");
        }
        if (open == 0) {
            LOG.info(() -> "Drained: " + all + " WebSockets closed in " + millis + " ms; the server stops");
        } else {
            LOG.warning(() -> "Drained " + (all - open) + " of " + all + " WebSockets in " + millis
                    + " ms; the server stops with " + open + " still closing (their clients may see no close code)");
        }
    }

    private long stillOpen() {
        return drained.stream().filter(this::stillClosing).count()
                + turnedAway.stream().filter(Session::isOpen).count();
    }

    /** Not yet through its close: still in the registry (the handler has not run) or its connection still open. */
    private boolean stillClosing(Peer peer) {
        return registry.contains(peer) || peer.session.isOpen();
    }

    /** Every socket of this node closed with 1012, and this returns when they are (at most the drain time). */
    void drain() {
        begin();
        long deadline = started + TimeUnit.SECONDS.toNanos(drainSeconds());
        for (Thread thread : closing) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    /**
     * Readiness 503, then every socket closed, by {@value #CLOSERS} threads, each a share of them, and at the same
     * time their presence recorded in a few transactions ({@link PresenceEvents#closedWithNode}). A close used to run
     * the socket's presence transaction in its close handler before it returned, so each socket had a thread of its
     * own (one after the other, the last waited for all the others); a node with 10,000 sockets started 10,000
     * threads and transactions on its way down and stopped with 2,044 sockets still closing. Now the handler of a
     * socket registered when the drain begins leaves that to the batch, and a close only queues its frame. Runs once.
     */
    private synchronized void begin() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        started = System.nanoTime();
        // Readiness is DOWN from now on whatever the probe finds; a probe still scheduled when WildFly's suspension
        // begins is refused by the container, which logged it as an ERROR at every SIGTERM.
        try {
            probe.stop();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the fan-out probe is gone already", e); // an undeployment that stopped the EJBs first
        }
        List<Peer> open = List.copyOf(registry.all());
        drained.addAll(open);
        List<Peer> registered = open.stream().filter(peer -> peer.registered).toList();
        registered.forEach(peer -> peer.closedWithNode = true);
        LOG.info(() -> "Draining: readiness is DOWN, closing " + drained.size() + " WebSockets with 1012");
        // Plain threads: at shutdown the managed executor may already be gone.
        bookkeeping = start("callcenter-drain-presence", () -> {
            int recorded = presence.closedWithNode(registered);
            long millis = sinceStarted();
            if (!registered.isEmpty()) {
                LOG.info(() -> "Drain: " + recorded + " of " + registered.size()
                        + " registered sockets recorded closed in " + millis + " ms");
            }
        });
        int shares = Math.min(CLOSERS, open.size());
        AtomicInteger closers = new AtomicInteger(shares);
        for (int share = 0; share < shares; share++) {
            int first = share;
            start("callcenter-drain-close", () -> {
                for (int i = first; i < open.size(); i += shares) {
                    close(open.get(i).session);
                }
                if (closers.decrementAndGet() == 0) {
                    // The rest is the clients' answers: a connection closes once its client has answered the frame.
                    long millis = sinceStarted();
                    LOG.info(() -> "Drain: close frames queued for " + open.size() + " WebSockets in " + millis + " ms");
                }
            });
        }
    }

    private long sinceStarted() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        closing.add(thread);
        thread.start();
        return thread;
    }

    /**
     * A socket opening after the signal, before WildFly's suspension refuses new connections: told to reconnect
     * elsewhere, and the signal waits for its close frame as for the others (a close frame still queued when the
     * server stops never leaves). Answers whether it was turned away.
     */
    boolean turnAway(Session session) {
        if (!draining.get()) {
            return false;
        }
        turnedAway.add(session);
        close(session);
        return true;
    }

    /** A socket that opened while the drain went over the registry: told to reconnect like the others. */
    void opened(Peer peer) {
        if (draining.get()) {
            drained.addIfAbsent(peer);
            close(peer.session);
        }
    }

    /** The drain time WildFly's suspension was given (server.cli); 15 s when unreadable. */
    private static long drainSeconds() {
        return Long.getLong("org.wildfly.sigterm.suspend.timeout", 15);
    }

    private static void close(Session session) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.SERVICE_RESTART, RESTART));
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
