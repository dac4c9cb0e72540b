package callcenter.web.push;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far one socket is behind: the frames handed to the container and not yet written to the connection, at most
 * {@code capacity}. A socket further behind overflows and is closed (it reconnects and resynchronises from the
 * snapshot), so a slow browser costs bounded memory and never delays anyone else.
 *
 * <p>The frames themselves wait in the container's own queue for the connection, not here: the container writes
 * every frame waiting for a connection in one gathering write, so a socket that fell behind catches up with one
 * system call instead of one per frame, and a completed send no longer starts the next one on the I/O thread.
 * Lock-free, so that the container's I/O thread, which reports the writes, never waits on a sender.
 */
final class Outbox {

    enum Offer {
        /** Counted: the caller hands the frame to the container now and calls {@link #written()} when it is. */
        SEND,
        /** Already {@code capacity} frames behind: the outbox is now closed and the socket must be closed. */
        OVERFLOW,
        /** Already closed: the frame is dropped. */
        CLOSED
    }

    private final int capacity;
    private final AtomicInteger unwritten = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    Outbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    Offer offer() {
        if (closed.get()) {
            return Offer.CLOSED;
        }
        if (unwritten.incrementAndGet() > capacity) {
            unwritten.decrementAndGet();
            // Only the offer that closes it reports the overflow; any other sees it closed.
            return close() ? Offer.OVERFLOW : Offer.CLOSED;
        }
        return Offer.SEND;
    }

    /** A frame handed over was written (or failed). */
    void written() {
        unwritten.decrementAndGet();
    }

    /** Closes the outbox; answers whether this call closed it (the one that then closes the socket). */
    boolean close() {
        return closed.compareAndSet(false, true);
    }

    int unwritten() {
        return unwritten.get();
    }
}
