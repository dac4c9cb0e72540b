package callcenter.web.push;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import callcenter.events.Audience;
import callcenter.events.Push;

/**
 * Presence changes for every registered agent of this node, coalesced (api.md section 5): a change when none was
 * sent in the last {@value #WINDOW_MILLIS} ms goes out at once as {@code agent:updated}; the changes that follow
 * within the window go out together when it closes, one {@code agents:updated} frame with the latest state of each
 * agent that changed, in the order of their latest change. A thousand agents registering used to cost a million
 * frames (every registration told every registered agent); now it costs one frame per agent and window.
 */
@ApplicationScoped
public class PresenceBatch {

    /** api.md: at most 250 ms. */
    static final long WINDOW_MILLIS = 250;

    /** Runs a task after a delay; the container's scheduler, or the test's. */
    @FunctionalInterface
    interface Later {
        void run(Runnable task, long delayMillis);
    }

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SocketRegistry registry;

    @Inject
    SocketWriter writer;

    Later later;
    LongSupplier clock = System::nanoTime;

    /** Agent id → its latest {@code agent:updated} data; re-put on every change so the order is that of the latest. */
    private final Map<UUID, String> pending = new LinkedHashMap<>();
    private boolean flushQueued;
    private long lastFlush = Long.MIN_VALUE;

    @PostConstruct
    void start() {
        later = (task, delay) -> scheduler.schedule(task, delay, TimeUnit.MILLISECONDS);
    }

    /** One agent's new state, already accepted in commit order by {@link PushDelivery}. */
    void changed(UUID agentId, String data) {
        long delay;
        synchronized (pending) {
            pending.remove(agentId);
            pending.put(agentId, data);
            if (flushQueued) {
                return;
            }
            flushQueued = true;
            long now = clock.getAsLong();
            long sinceLast = lastFlush == Long.MIN_VALUE ? Long.MAX_VALUE
                    : TimeUnit.NANOSECONDS.toMillis(now - lastFlush);
            delay = Math.max(0, WINDOW_MILLIS - sinceLast);
        }
        try {
            later.run(this::flush, delay);
        } catch (RejectedExecutionException e) {
            flush(); // the node is stopping: send now rather than never
        }
    }

    void flush() {
        List<String> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending.values());
            pending.clear();
            flushQueued = false;
            lastFlush = clock.getAsLong();
        }
        if (batch.isEmpty()) {
            return;
        }
        Frame frame = Frame.of(batch.size() == 1 ? Push.frame("agent:updated", batch.get(0))
                : Push.frame("agents:updated", "[" + String.join(",", batch) + "]"));
        for (Peer peer : registry.audience(Audience.agents())) {
            peer.presence(frame, f -> writer.send(peer, f));
        }
    }
}
