package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class AgentsListsTest {

    /** Runs the handed-off reads only when the test says so. */
    private final Queue<Runnable> later = new ArrayDeque<>();
    private final Executor queued = later::add;
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aSocketAskingWhenNoReadRunsReadsOnItsOwnThread() throws Exception {
        AgentsLists<String> lists = new AgentsLists<>(() -> "list " + reads.incrementAndGet(), queued);
        CompletableFuture<String> first = lists.next();
        assertTrue(first.isDone());
        assertEquals("list 1", first.get());
        assertEquals("list 2", lists.next().get(), "a later socket gets a later read, never an earlier one's list");
        assertTrue(later.isEmpty());
    }

    @Test
    void socketsAskingDuringAReadShareTheNextReadWhichBeginsAfterIt() throws Exception {
        CompletableFuture<String>[] asked = new CompletableFuture[3];
        @SuppressWarnings("unchecked")
        AgentsLists<String>[] lists = new AgentsLists[1];
        Supplier<String> read = () -> {
            int n = reads.incrementAndGet();
            if (n == 1) {
                // Two sockets ask while the first read runs: neither may get this read's list.
                asked[1] = lists[0].next();
                asked[2] = lists[0].next();
                assertFalse(asked[1].isDone());
            }
            return "list " + n;
        };
        lists[0] = new AgentsLists<>(read, queued);
        asked[0] = lists[0].next();
        assertEquals("list 1", asked[0].get());
        assertSame(asked[1], asked[2], "one read for both");
        assertFalse(asked[1].isDone(), "their read was handed to the executor");
        later.remove().run();
        assertEquals("list 2", asked[1].get());
        assertEquals(2, reads.get());
        assertEquals("list 3", lists[0].next().get(), "no read running any more: the next socket reads at once");
    }

    @Test
    void aFailedReadFailsOnlyItsSockets() throws Exception {
        AgentsLists<String> lists = new AgentsLists<>(() -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return "list " + reads.get();
        }, queued);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> lists.next().get());
        assertEquals("database down", failed.getCause().getMessage());
        assertEquals("list 2", lists.next().get());
    }

    @Test
    void whenTheExecutorRefusesTheWaitingSocketsAreReadOnTheReadingThread() throws Exception {
        CompletableFuture<String>[] waiting = new CompletableFuture[1];
        @SuppressWarnings("unchecked")
        AgentsLists<String>[] lists = new AgentsLists[1];
        lists[0] = new AgentsLists<>(() -> {
            if (reads.incrementAndGet() == 1) {
                waiting[0] = lists[0].next();
            }
            return "list " + reads.get();
        }, task -> {
            throw new RejectedExecutionException("stopping");
        });
        assertEquals("list 1", lists[0].next().get());
        assertTrue(waiting[0].isDone());
        assertEquals("list 2", waiting[0].get());
    }
}
