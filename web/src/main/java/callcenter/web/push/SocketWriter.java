package callcenter.web.push;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;

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

    /**
     * Hands a frame to one socket's connection, in the order of the calls for that socket. Asynchronous: the container
     * writes it from its I/O thread, together with whatever else waits for that connection.
     */
    void send(Peer peer, String frame) {
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

    private void write(Peer peer, String frame) {
        try {
            peer.session.getAsyncRemote().sendText(frame, result -> {
                peer.outbox.written();
                if (!result.isOK()) {
                    failed(peer, "a send failed (" + result.getException() + ")");
                }
            });
        } catch (RuntimeException e) {
            peer.outbox.written();
            failed(peer, null); // refused at once: the session is closing already, nothing worth a log line
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
