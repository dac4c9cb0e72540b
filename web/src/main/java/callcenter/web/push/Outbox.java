package callcenter.web.push;

import java.util.ArrayDeque;

/**
 * One socket's outgoing frames: at most one send in flight and at most {@code capacity} waiting behind it. A socket
 * that falls further behind overflows and is closed (it reconnects and resynchronises from the snapshot), so a slow
 * browser costs bounded memory and never delays anyone else.
 */
final class Outbox {

    enum Offer {
        /** Nothing in flight: the caller sends this frame now and calls {@link #next()} when the send completes. */
        SEND_NOW,
        /** Queued behind the send in flight. */
        QUEUED,
        /** The queue was full: the outbox is now closed and the socket must be closed. */
        OVERFLOW,
        /** Already closed: the frame is dropped. */
        CLOSED
    }

    private final int capacity;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;

    Outbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    synchronized Offer offer(String frame) {
        if (closed) {
            return Offer.CLOSED;
        }
        if (!sending) {
            sending = true;
            return Offer.SEND_NOW;
        }
        if (queue.size() >= capacity) {
            close();
            return Offer.OVERFLOW;
        }
        queue.add(frame);
        return Offer.QUEUED;
    }

    /** The send in flight completed: the next frame to send, or null when the outbox is idle again. */
    synchronized String next() {
        String frame = closed ? null : queue.poll();
        if (frame == null) {
            sending = false;
        }
        return frame;
    }

    synchronized void close() {
        closed = true;
        queue.clear();
    }

    synchronized int queued() {
        return queue.size();
    }
}
