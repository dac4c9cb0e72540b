package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SequenceFilterTest {

    private final AtomicLong now = new AtomicLong();
    private final SequenceFilter filter = new SequenceFilter(3, 1000, now::get);

    @Test
    void olderSequenceOfTheSameKeyIsDropped() {
        assertTrue(filter.accept("call:1", 2L), "call:taken (version 2) arrives first");
        assertFalse(filter.accept("call:1", 1L), "call:incoming (version 1) after it is stale");
        assertTrue(filter.accept("call:1", 2L), "events of the same transaction share a sequence");
        assertTrue(filter.accept("call:1", 3L));
    }

    @Test
    void aCatchUpIsCurrentUnlessANewerEventPassedAndRecordsNothing() {
        assertTrue(filter.current("call:1", 4L), "nothing of the call seen yet");
        assertTrue(filter.accept("call:1", 5L), "call:ended (version 5) delivered");
        assertFalse(filter.current("call:1", 4L), "the call:accepted read at version 4 is stale");
        assertTrue(filter.current("call:1", 5L), "read at the same version: current");
        assertTrue(filter.current("call:1", 9L));
        assertTrue(filter.accept("call:1", 6L), "checking a catch-up at 9 did not move the order");
        assertTrue(filter.current(null, null));
    }

    @Test
    void keysAreIndependentAndUnorderedEventsPass() {
        assertTrue(filter.accept("call:1", 5L));
        assertTrue(filter.accept("call:2", 1L));
        assertTrue(filter.accept(null, null));
        assertTrue(filter.accept("call:1", null));
    }

    @Test
    void boundedBySizeAndAge() {
        filter.accept("a", 9L);
        filter.accept("b", 9L);
        filter.accept("c", 9L);
        filter.accept("d", 9L);
        assertEquals(3, filter.size());
        assertTrue(filter.accept("a", 1L), "the oldest key was forgotten");
        now.set(5000);
        filter.accept("e", 1L);
        assertEquals(1, filter.size(), "idle keys expire");
    }
}
