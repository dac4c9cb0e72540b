package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import org.junit.jupiter.api.Test;

import callcenter.common.Actor;
import callcenter.common.Roles;

class SocketWriterTest {

    /** A socket whose sends complete only when the test says so, as a connection that is behind. */
    static final class SlowSocket {
        final List<String> handedOver = new ArrayList<>();
        final List<SendHandler> pending = new ArrayList<>();

        Session session() {
            RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendText") && args.length == 2) {
                            handedOver.add((String) args[0]);
                            pending.add((SendHandler) args[1]);
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
            return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("getAsyncRemote")) {
                            return async;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        void complete(int index, SendResult result) {
            pending.get(index).onResult(result);
        }
    }

    static final class ClosingWriter extends SocketWriter {
        final Map<Peer, CloseReason.CloseCode> closed = new ConcurrentHashMap<>();

        @Override
        void close(Peer peer, CloseReason.CloseCode code, String reason) {
            closed.merge(peer, code, (a, b) -> {
                throw new AssertionError("closed twice");
            });
        }
    }

    /** A new one for each test (JUnit makes an instance per test). */
    private final SlowSocket socket = new SlowSocket();
    private final ClosingWriter writer = new ClosingWriter();

    private Peer peer(int capacity) {
        return new Peer(socket.session(), new Actor(UUID.randomUUID(), "agent", Roles.AGENT, null), Instant.MAX,
                capacity);
    }

    private void send(Peer peer, String... frames) {
        for (String frame : frames) {
            writer.send(peer, frame);
        }
    }

    @Test
    void handsEveryFrameOverInOrderWithoutWaitingForTheOneBefore() {
        Peer peer = peer(4);
        send(peer, "a", "b", "c");
        // So that the container can write all three in one gathering write, not one at a time from its I/O thread.
        assertEquals(List.of("a", "b", "c"), socket.handedOver);
        assertEquals(3, peer.outbox.unwritten());
        for (int i = 0; i < 3; i++) {
            socket.complete(i, new SendResult());
        }
        assertEquals(0, peer.outbox.unwritten());
        assertNull(writer.closed.get(peer));
    }

    @Test
    void aSocketTooFarBehindIsClosedOnceAndGetsNothingMore() {
        Peer peer = peer(2);
        send(peer, "1", "2", "3", "4");
        assertEquals(List.of("1", "2"), socket.handedOver);
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, writer.closed.get(peer));
    }

    @Test
    void aFailedSendClosesTheSocketOnce() {
        Peer peer = peer(4);
        send(peer, "1", "2");
        socket.complete(0, new SendResult(new IOException("reset")));
        socket.complete(1, new SendResult(new IOException("reset")));
        send(peer, "3");
        assertEquals(List.of("1", "2"), socket.handedOver);
        assertEquals(CloseReason.CloseCodes.UNEXPECTED_CONDITION, writer.closed.get(peer));
    }
}
