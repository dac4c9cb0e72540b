package callcenter.web.push;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The {@code agents:list} frames of the sockets registering on this node, each read in one statement pair and
 * written once. Every registering socket needs a list read after its own registration; read per socket, a drained
 * node's 70 dashboards reconnecting to a node at once (a rolling restart with 200 agents, issue 15) read 70 lists
 * of 200 agents, which took a freshly started node 1 to 1.8 s of each registration, and N registering agents read
 * N lists of N. Here a read serves every socket that asked before it began: while one read runs, the sockets that
 * ask meanwhile wait for the next one, which begins when it ends. A socket that asks when no read runs reads on its
 * own thread, without a hand-off; the next batches read on {@code executor}.
 * <p>
 * Why a list that began after the socket asked is enough: presence frames for the socket are held from before its
 * registration until its list is sent ({@link Peer#presenceListReading()}), so any change the list misses follows it.
 */
final class AgentsLists<T> {

    private final Supplier<T> read;
    private final Executor executor;
    /** Guards the two fields below. */
    private final Object lock = new Object();
    /** The read the sockets asking now will get: it has not begun. */
    private CompletableFuture<T> next;
    private boolean reading;

    /**
     * @param read     reads the list and makes its frame (a transaction of its own)
     * @param executor runs the reads of the sockets that asked while another read ran
     */
    AgentsLists(Supplier<T> read, Executor executor) {
        this.read = read;
        this.executor = executor;
    }

    /** The frame of a read that begins after this call. */
    CompletableFuture<T> next() {
        CompletableFuture<T> mine;
        synchronized (lock) {
            if (next == null) {
                next = new CompletableFuture<>();
            }
            mine = next;
            if (reading) {
                return mine;
            }
            reading = true;
            next = null;
        }
        read(mine);
        return mine;
    }

    /** Reads {@code batch}, then hands the sockets that asked meanwhile to the executor (or reads theirs here). */
    private void read(CompletableFuture<T> batch) {
        CompletableFuture<T> current = batch;
        while (current != null) {
            try {
                current.complete(read.get());
            } catch (RuntimeException | Error e) {
                current.completeExceptionally(e);
            }
            CompletableFuture<T> following;
            synchronized (lock) {
                following = next;
                next = null;
                reading = following != null;
            }
            current = following != null && !handedOff(following) ? following : null;
        }
    }

    private boolean handedOff(CompletableFuture<T> batch) {
        try {
            executor.execute(() -> read(batch));
            return true;
        } catch (RejectedExecutionException e) {
            return false; // the node is stopping: read it on this thread rather than leave its sockets waiting
        }
    }
}
