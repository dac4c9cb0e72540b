package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import org.junit.jupiter.api.Test;

import callcenter.agents.boundary.PresenceService;
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

    /** The batches of sockets recorded as closed together (their socket ids), and the sockets recorded alone. */
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final List<String> recordedAlone = new CopyOnWriteArrayList<>();
    /** What each batch does before it is recorded (its transaction). */
    private Runnable batchWork = () -> { };

    private Drain drain() {
        Drain drain = new Drain();
        drain.probe = new FanOutProbe();
        drain.presence = new PresenceEvents();
        drain.presence.presence = new PresenceService() {
            @Override
            public void socketsClosed(Collection<UUID> userIds, Collection<String> socketIds) {
                batchWork.run();
                assertEquals(userIds.size(), socketIds.size());
                batches.add(List.copyOf(socketIds));
            }

            @Override
            public void socketClosed(UUID userId, String socketId) {
                recordedAlone.add(socketId);
            }
        };
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
     * A close handler used to run the socket's presence transaction, and a node with 10,000 sockets ran out of time
     * doing them one by one: the drain records the registered ones in batches of {@value PresenceEvents#CLOSED_BATCH},
     * and their close handlers record nothing. A socket that never registered has nothing to record.
     */
    @Test
    void registeredSocketsAreRecordedClosedInBatchesNotByTheirCloseHandlers() {
        Drain drain = drain();
        drain.registry = new SocketRegistry();
        List<Peer> all = new ArrayList<>();
        List<Peer> registered = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            Peer peer = peer("agent" + i);
            peer.registered = i % 6 != 0;
            if (peer.registered) {
                registered.add(peer);
            }
            all.add(peer);
            drain.registry.add(peer);
        }

        drain.drain();
        all.forEach(drain.presence::closed); // what AgentSocket's close handler does

        assertEquals(1_200, closed.size(), "every socket closed with 1012");
        assertEquals(List.of(500, 500), batches.stream().map(List::size).toList(), "1,000 registered: two batches");
        assertEquals(registered.stream().map(p -> p.socketId).collect(Collectors.toSet()),
                batches.stream().flatMap(List::stream).collect(Collectors.toSet()));
        assertEquals(List.of(), recordedAlone, "no close handler recorded its socket on its own");
    }

    /** A socket registered after the drain went over the registry records its own close, as before. */
    @Test
    void aSocketNotInTheDrainsBatchesRecordsItsOwnClose() {
        Drain drain = drain();
        drain.registry = new SocketRegistry();
        drain.drain();
        Peer late = peer("late");
        late.registered = true;

        drain.presence.closed(late);

        assertEquals(List.of(late.socketId), recordedAlone);
    }

    /** A batch the database refused is tried again; refused twice, the rest is left to the sweeps, and the drain ends. */
    @Test
    void aBatchIsTriedTwiceThenLeftToTheSweepsAndTheDrainStillEnds() {
        AtomicInteger attempts = new AtomicInteger();
        batchWork = () -> {
            if (attempts.incrementAndGet() != 2) { // the first batch's first try fails, then every try from the third
                throw new IllegalStateException("deadlock detected");
            }
        };
        Drain drain = drain();
        drain.registry = new SocketRegistry();
        for (int i = 0; i < 1_400; i++) {
            Peer peer = peer("agent" + i);
            peer.registered = true;
            drain.registry.add(peer);
        }

        drain.drain();

        assertEquals(List.of(500), batches.stream().map(List::size).toList(), "the first batch on its second try");
        assertEquals(4, attempts.get(), "the second batch twice, the third never");
        assertEquals(1_400, closed.size(), "every socket closed all the same");
        assertEquals(List.of(), recordedAlone);
    }

    /** The signal waits for the batches: WildFly's suspension must not begin while they are being written. */
    @Test
    void theSignalWaitsUntilTheClosedSocketsAreRecorded() {
        batchWork = () -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Drain drain = drain();
        drain.registry = new SocketRegistry();
        Peer peer = peer("agent");
        peer.registered = true;
        drain.registry.add(peer);
        removeOnClose = drain.registry;

        long started = System.nanoTime();
        drain.beforeShutdown();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertEquals(List.of(List.of(peer.socketId)), batches, "recorded before the signal went on");
        assertTrue(millis >= 250 && millis < 1_900, "waited for it, not for the deadline: " + millis + " ms");
    }

    /** The drain returns only when every socket's close handler has run, however long each takes. */
    @Test
    void theDrainWaitsForEveryCloseHandler() {
        int sockets = 30;
        AtomicInteger handled = new AtomicInteger();
        closeHandler = () -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handled.incrementAndGet();
        };
        Drain drain = drain();
        drain.registry = new SocketRegistry();
        for (int i = 0; i < sockets; i++) {
            drain.registry.add(peer("agent" + i));
        }

        drain.drain();

        assertEquals(sockets, handled.get());
        assertTrue(closed.stream().allMatch(("1012 " + Drain.RESTART)::equals), closed.toString());
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
