package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class OutboxTest {

    @Test
    void oneSendInFlightTheRestQueuedInOrder() {
        Outbox outbox = new Outbox(3);
        assertEquals(Outbox.Offer.SEND_NOW, outbox.offer("a"));
        assertEquals(Outbox.Offer.QUEUED, outbox.offer("b"));
        assertEquals(Outbox.Offer.QUEUED, outbox.offer("c"));
        assertEquals("b", outbox.next());
        assertEquals("c", outbox.next());
        assertNull(outbox.next());
        assertEquals(Outbox.Offer.SEND_NOW, outbox.offer("d"), "idle again after the queue drained");
    }

    @Test
    void overflowClosesAndDropsEverything() {
        Outbox outbox = new Outbox(2);
        outbox.offer("in flight");
        outbox.offer("1");
        outbox.offer("2");
        assertEquals(Outbox.Offer.OVERFLOW, outbox.offer("3"));
        assertEquals(0, outbox.queued(), "an overflowing socket keeps no frames");
        assertEquals(Outbox.Offer.CLOSED, outbox.offer("4"));
        assertNull(outbox.next());
    }

    @Test
    void queueNeverGrowsBeyondCapacity() {
        Outbox outbox = new Outbox(10);
        outbox.offer("first");
        int overflows = 0;
        for (int i = 0; i < 1000; i++) {
            if (outbox.offer("f" + i) == Outbox.Offer.OVERFLOW) {
                overflows++;
            }
            assertEquals(true, outbox.queued() <= 10);
        }
        assertEquals(1, overflows);
    }
}
