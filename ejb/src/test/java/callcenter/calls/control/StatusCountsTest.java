package callcenter.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import callcenter.calls.entity.CallStatus;

class StatusCountsTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicLong waiting = new AtomicLong(3);
    private final StatusCounts counts = new StatusCounts(() -> {
        queries.incrementAndGet();
        return List.of(new StatusCounts.Row(CallStatus.WAITING, waiting.get()),
                new StatusCounts.Row(CallStatus.ENDED, 7));
    }, clock::get, 5_000);

    @Test
    void everyStatusComesFromOneQueryAndAbsentStatusesAreZero() {
        assertEquals(3, counts.count(CallStatus.WAITING));
        assertEquals(7, counts.count(CallStatus.ENDED));
        assertEquals(0, counts.count(CallStatus.ACTIVE));
        assertEquals(1, queries.get());
    }

    @Test
    void figuresAreReusedWithinTheMaximumAgeAndReadAgainAfterIt() {
        counts.count(CallStatus.WAITING);
        waiting.set(4);
        clock.addAndGet(4_999);
        assertEquals(3, counts.count(CallStatus.WAITING));
        assertEquals(1, queries.get());
        clock.addAndGet(1);
        assertEquals(4, counts.count(CallStatus.WAITING));
        assertEquals(2, queries.get());
    }
}
