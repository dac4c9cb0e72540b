package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class InOrderTest {

    @Test
    void runsEveryTaskOnceInTheOrderGivenAndNeverTwoAtATime() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            InOrder inOrder = new InOrder(pool);
            List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger running = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(10_000);
            for (int i = 0; i < 10_000; i++) {
                int n = i;
                inOrder.execute(() -> {
                    if (running.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    ran.add(n);
                    running.decrementAndGet();
                    done.countDown();
                });
                if (i % 100 == 0) {
                    Thread.sleep(1); // lets the queue run dry now and then, so that draining starts again
                }
            }
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(0, overlaps.get());
            assertEquals(10_000, ran.size());
            for (int i = 0; i < ran.size(); i++) {
                assertEquals(i, ran.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesAfterIt() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            InOrder inOrder = new InOrder(pool);
            CountDownLatch after = new CountDownLatch(1);
            inOrder.execute(() -> {
                throw new IllegalStateException("a socket failed");
            });
            inOrder.execute(after::countDown);
            assertTrue(after.await(5, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutThreadsTheCallerRunsIt() {
        InOrder inOrder = new InOrder(task -> {
            throw new RejectedExecutionException("shutting down");
        });
        List<String> ran = new ArrayList<>();
        inOrder.execute(() -> ran.add("first"));
        inOrder.execute(() -> ran.add("second"));
        assertEquals(List.of("first", "second"), ran);
    }
}
