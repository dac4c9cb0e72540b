package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutboxTest {

    @Test
    void countsWhatIsNotWrittenYet() {
        Outbox outbox = new Outbox(3);
        assertEquals(Outbox.Offer.SEND, outbox.offer());
        assertEquals(Outbox.Offer.SEND, outbox.offer());
        assertEquals(2, outbox.unwritten());
        outbox.written();
        outbox.written();
        assertEquals(0, outbox.unwritten());
        assertEquals(Outbox.Offer.SEND, outbox.offer(), "caught up again");
    }

    @Test
    void overflowClosesItOnce() {
        Outbox outbox = new Outbox(2);
        outbox.offer();
        outbox.offer();
        assertEquals(Outbox.Offer.OVERFLOW, outbox.offer());
        assertEquals(2, outbox.unwritten(), "the frame that overflowed was not handed over");
        assertEquals(Outbox.Offer.CLOSED, outbox.offer());
        outbox.written();
        assertEquals(Outbox.Offer.CLOSED, outbox.offer(), "closed for good, even once it caught up");
    }

    @Test
    void neverMoreThanCapacityBehind() {
        Outbox outbox = new Outbox(10);
        int sent = 0;
        int overflows = 0;
        for (int i = 0; i < 1000; i++) {
            switch (outbox.offer()) {
                case SEND -> sent++;
                case OVERFLOW -> overflows++;
                case CLOSED -> {
                }
            }
            assertTrue(outbox.unwritten() <= 10);
        }
        assertEquals(10, sent);
        assertEquals(1, overflows);
    }

    @Test
    void onlyTheFirstCloseCloses() {
        Outbox outbox = new Outbox(1);
        assertTrue(outbox.close());
        assertFalse(outbox.close(), "the second failure of a socket does not close it again");
        assertEquals(Outbox.Offer.CLOSED, outbox.offer());
    }
}
