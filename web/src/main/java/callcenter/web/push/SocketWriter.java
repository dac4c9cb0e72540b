package callcenter.web.push;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;

import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.jsr.UndertowSession;

/**
 * The one way anything is written to a socket: asynchronous sends, at most {@link #QUEUE_CAPACITY} unwritten per
 * socket ({@link Outbox}), so one slow or dead browser never delays another and never grows memory. Closing happens
 * off the calling thread.
 */
@ApplicationScoped
public class SocketWriter {

    private static final Logger LOG = Logger.getLogger(SocketWriter.class.getName());

    /** Frames a socket may be behind; a socket further behind is closed and resynchronises. */
    static final int QUEUE_CAPACITY = 256;

    @Resource
    ManagedExecutorService executor;

    /** Hands a frame made for this one socket to its connection; see {@link #send(Peer, Frame)}. */
    void send(Peer peer, String frame) {
        send(peer, Frame.of(frame));
    }

    /**
     * Hands a frame to one socket's connection, in the order of the calls for that socket. Asynchronous: the container
     * writes it from its I/O thread, together with whatever else waits for that connection.
     */
    void send(Peer peer, Frame frame) {
        switch (peer.outbox.offer()) {
            case SEND -> write(peer, frame);
            case OVERFLOW -> {
                LOG.info("Closing a socket of " + peer.name + ": more than " + QUEUE_CAPACITY + " frames behind");
                close(peer, CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow; reconnect");
            }
            case CLOSED -> {
            }
        }
    }

    /**
     * Through Undertow's own API where the socket is Undertow's (always, in the server): it takes the frame's bytes,
     * which Jakarta WebSocket's {@code sendText(String)} cannot; that is the container's own path from there (the
     * Jakarta method calls the same {@code WebSockets.sendText}, with the session's send timeout).
     */
    private void write(Peer peer, Frame frame) {
        try {
            if (peer.session instanceof UndertowSession undertow) {
                WebSockets.sendText(frame.bytes(), undertow.getWebSocketChannel(), new Written(peer),
                        undertow.getAsyncRemote().getSendTimeout());
            } else {
                peer.session.getAsyncRemote().sendText(frame.text, result -> written(peer, result.getException()));
            }
        } catch (RuntimeException e) {
            peer.outbox.written();
            failed(peer, null); // refused at once: the session is closing already, nothing worth a log line
        }
    }

    private void written(Peer peer, Throwable failure) {
        peer.outbox.written();
        if (failure != null) {
            failed(peer, "a send failed (" + failure + ")");
        }
    }

    /** One frame's outcome, taken once: the container may report a failure after a completion (as its own adapter). */
    private final class Written implements WebSocketCallback<Void> {
        private final Peer peer;
        private boolean done;

        Written(Peer peer) {
            this.peer = peer;
        }

        @Override
        public synchronized void complete(WebSocketChannel channel, Void context) {
            if (!done) {
                done = true;
                written(peer, null);
            }
        }

        @Override
        public synchronized void onError(WebSocketChannel channel, Void context, Throwable failure) {
            if (!done) {
                done = true;
                if (channel.isOpen() && !channel.isCloseFrameSent()) {
                    written(peer, failure);
                } else {
                    // The connection was closing already (the client left while frames were on their way): what
                    // the Jakarta method refuses at once, and not worth a log line per frame either.
                    peer.outbox.written();
                    failed(peer, null);
                }
            }
        }
    }

    /** Closes the socket at its first failed send; the frames behind that one fail too and are not reported. */
    private void failed(Peer peer, String why) {
        if (peer.outbox.close()) {
            if (why != null) {
                LOG.info("Closing a socket of " + peer.name + ": " + why);
            }
            close(peer, CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed");
        }
    }

    /** Pings a socket (see {@link Keepalive}); a socket whose ping cannot be sent is closed. */
    void ping(Peer peer) {
        try {
            peer.session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
        } catch (IOException | RuntimeException e) {
            close(peer, CloseReason.CloseCodes.UNEXPECTED_CONDITION, "ping failed");
        }
    }

    /** Closes off the calling thread: closing a stuck connection must not hold up a delivery. */
    void close(Peer peer, CloseReason.CloseCode code, String reason) {
        Runnable closing = () -> {
            try {
                if (peer.session.isOpen()) {
                    peer.session.close(new CloseReason(code, reason));
                }
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing a socket failed", e);
            }
        };
        try {
            executor.execute(closing);
        } catch (RuntimeException e) {
            closing.run();
        }
    }
}
