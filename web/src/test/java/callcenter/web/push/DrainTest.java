package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import org.junit.jupiter.api.Test;

import callcenter.common.Actor;
import callcenter.common.Roles;
import callcenter.events.FanOutProbe;

/** The unit tests have no MicroProfile Health provider: the check's state is read through {@link Drain#draining}. */
class DrainTest {

    private final List<String> closed = new CopyOnWriteArrayList<>();
    /** What each close does before it returns (a close runs the socket's close handler: database work). */
    private Runnable closeHandler = () -> { };
    /** Set: a close takes its socket out of this registry first, as AgentSocket's close handler does. */
    private SocketRegistry removeOnClose;
    /**
     * How long a connection stays open after its close (Undertow queues the close frame; the connection closes once
     * it is written and the client answered it); 0: closed when the close returns.
     */
    private long connectionOpenAfterCloseMillis;

    private static Drain drain() {
        Drain drain = new Drain();
        drain.probe = new FanOutProbe();
        return drain;
    }

    @Test
    void drainingTurnsReadinessDownAndClosesEverySocketWith1012Once() {
        Drain drain = drain();
        drain.registry = new SocketRegistry();
        drain.registry.add(peer("agent"));
        drain.registry.add(peer("supervisor"));
        assertFalse(drain.draining(), "ready");

        assertTrue(drain.probe.probing());

        drain.drain();
        drain.drain(); // the shutdown hook and the undeploy both ask: once is enough

        assertTrue(drain.draining(), "the readiness check (drain) is DOWN from now on");
        assertFalse(drain.probe.probing(), "no probe for the container to refuse once WildFly suspends");
        assertEquals(List.of("1012 " + Drain.RESTART, "1012 " + Drain.RESTART), closed);
    }

    /**
     * WildFly's suspension closes the sockets with 1001 at the same time; a close that waits for the one before it
     * loses that race. Every close here blocks until all of them have started: closed one after the other, the first
     * would wait for the others in vain.
     */
    @Test
    void everySocketIsClosedAtOnceAndTheDrainWaitsForTheirCloseHandlers() {
        int sockets = 30;
        CountDownLatch started = new CountDownLatch(sockets);
        List<Boolean> sawAllStarted = new CopyOnWriteArrayList<>();
        closeHandler = () -> {
            started.countDown();
            try {
                sawAllStarted.add(started.await(5, TimeUnit.SECONDS));
                Thread.sleep(200); // the handler's database work, which the drain must wait for
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Drain drain = drain();
        drain.registry = new SocketRegistry();
        for (int i = 0; i < sockets; i++) {
            drain.registry.add(peer("agent" + i));
        }

        drain.drain();

        assertEquals(sockets, closed.size(), "every socket closed: " + closed);
        assertTrue(closed.stream().allMatch(("1012 " + Drain.RESTART)::equals), closed.toString());
        assertEquals(sockets, sawAllStarted.size(), "the drain returned only when every close handler had finished");
        assertTrue(sawAllStarted.stream().allMatch(b -> b), "all closes were under way together");
    }

    /**
     * SIGTERM: WildFly's shutdown (its suspension closes open sockets with 1001) may start only once every socket's
     * close has begun; it need not wait for the close handlers, which WildFly's suspension waits for itself.
     */
    @Test
    void theSignalIsPassedOnOnceEverySocketIsClosingNotWhenTheHandlersAreDone() throws Exception {
        int sockets = 20;
        CountDownLatch release = new CountDownLatch(1);
        Drain drain = drain();
        drain.registry = new SocketRegistry();
        List<Peer> peers = new CopyOnWriteArrayList<>();
        closeHandler = () -> {
            // The database work of a close handler, held until released.
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        for (int i = 0; i < sockets; i++) {
            Peer peer = peer("agent" + i);
            peers.add(peer);
            drain.registry.add(peer);
        }
        removeOnClose = drain.registry;

        drain.beforeShutdown();

        assertTrue(drain.draining());
        assertTrue(peers.stream().noneMatch(drain.registry::contains), "every socket's close had begun");
        assertEquals(List.of(), closed, "no close handler had finished: the signal did not wait for them");
        release.countDown();
        drain.drain(); // the shutdown hook: waits for the handlers
        assertEquals(sockets, closed.size());
    }

    /**
     * A connection still open after its close (the close frame queued, not yet written): passing the signal on
     * then would stop the server with the frame unsent, and the client would see the connection drop without one.
     */
    @Test
    void theSignalWaitsUntilEveryClosedSocketsConnectionIsClosed() {
        connectionOpenAfterCloseMillis = 300;
        Drain drain = drain();
        drain.registry = new SocketRegistry();
        List<Peer> peers = List.of(peer("agent1"), peer("agent2"));
        peers.forEach(drain.registry::add);
        removeOnClose = drain.registry;

        long started = System.nanoTime();
        drain.beforeShutdown();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertTrue(peers.stream().noneMatch(p -> p.session.isOpen()),
                "every connection closed before the signal went on");
        assertTrue(millis >= 250, "waited for the connections, not only the close handlers: " + millis + " ms");
        assertTrue(millis < 1_900, "and not for the deadline: " + millis + " ms");
    }

    @Test
    void aSocketOpenedWhileDrainingIsClosedWith1012AndOneBeforeIsLeftAlone() {
        Drain drain = drain();
        drain.registry = new SocketRegistry();
        drain.opened(peer("before"));
        assertEquals(List.of(), closed, "not draining: nothing closed");

        drain.drain();
        drain.opened(peer("late"));

        assertEquals(List.of("1012 " + Drain.RESTART), closed);
    }

    /**
     * Sockets that open after the signal (before WildFly's suspension refuses connections) are closed with 1012 too,
     * and the signal waits for their close frames as well: passed on at once, the server would stop with their
     * frames unsent.
     */
    @Test
    void theSignalWaitsForSocketsThatOpenedWhileDraining() {
        connectionOpenAfterCloseMillis = 300;
        Drain drain = drain();
        drain.registry = new SocketRegistry();
        drain.drain(); // the signal's drain has begun with no socket
        Peer registered = peer("opened after the drain went over the registry");
        drain.registry.add(registered);
        removeOnClose = drain.registry;
        Session unregistered = peer("opened after the signal").session;

        drain.opened(registered);
        assertTrue(drain.turnAway(unregistered), "turned away while draining");
        long started = System.nanoTime();
        drain.beforeShutdown();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertEquals(List.of("1012 " + Drain.RESTART, "1012 " + Drain.RESTART), closed);
        assertFalse(registered.session.isOpen() || unregistered.isOpen(), "both connections closed first");
        assertTrue(millis >= 200, "waited for their connections: " + millis + " ms");
    }

    @Test
    void aSocketOpeningWhileNotDrainingIsNotTurnedAway() {
        Drain drain = drain();
        drain.registry = new SocketRegistry();
        assertFalse(drain.turnAway(peer("agent").session));
        assertEquals(List.of(), closed);
    }

    /** A session that records how it was closed. */
    private Peer peer(String name) {
        AtomicBoolean open = new AtomicBoolean(true);
        Session session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> open.get();
                    case "close" -> {
                        CloseReason reason = (CloseReason) args[0];
                        if (connectionOpenAfterCloseMillis == 0) {
                            open.set(false);
                        } else {
                            CompletableFuture.delayedExecutor(connectionOpenAfterCloseMillis, TimeUnit.MILLISECONDS)
                                    .execute(() -> open.set(false));
                        }
                        if (removeOnClose != null) {
                            removeOnClose.all().stream().filter(p -> p.session == proxy).findFirst()
                                    .ifPresent(removeOnClose::remove);
                        }
                        closeHandler.run();
                        closed.add(reason.getCloseCode().getCode() + " " + reason.getReasonPhrase());
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
        UUID id = UUID.randomUUID();
        return new Peer(session, new Actor(id, name, Roles.AGENT, null), Instant.MAX, 4);
    }
}
