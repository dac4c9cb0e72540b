package callcenter.web.push;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs tasks one at a time, in the order given, on another executor's threads, taking a thread only while there is
 * something to run. What the committing threads of this node hand to the sockets goes through it ({@link PushDelivery}):
 * the commit returns at once instead of writing a frame to every agent, and the deliveries keep their commit order as
 * the topic's single consumer did.
 */
final class InOrder implements Executor {

    private static final Logger LOG = Logger.getLogger(InOrder.class.getName());

    /** How many tasks one turn on a pooled thread runs at most. */
    static final int BATCH = 256;

    private final Executor threads;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    InOrder(Executor threads) {
        this.threads = threads;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (draining.compareAndSet(false, true)) {
            try {
                threads.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // Shutting down: no thread to hand it to, so the caller runs what is queued.
                drain();
            }
        }
    }

    private void drain() {
        int ran = 0;
        while (true) {
            Runnable task = tasks.poll();
            if (task == null) {
                draining.set(false);
                // A task added between the poll and the reset found draining still set: take it now.
                if (tasks.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A queued delivery failed", e);
            }
            if (++ran == BATCH && !tasks.isEmpty()) {
                // Under steady load the queue may never run dry: give the thread back now and then, so that one
                // pooled thread is not held for good (nor reported hung by the container), and go on in a new task.
                try {
                    threads.execute(this::drain);
                    return;
                } catch (RejectedExecutionException e) {
                    ran = 0;
                }
            }
        }
    }
}
