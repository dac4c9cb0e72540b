package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class PresenceBatchTest {

    private final SocketRegistry registry = new SocketRegistry();
    private final RecordingWriter writer = new RecordingWriter();
    private final PresenceBatch batch = new PresenceBatch();
    private final List<Runnable> queued = new ArrayList<>();
    private final List<Long> delays = new ArrayList<>();
    private long now = TimeUnit.SECONDS.toNanos(100);
    private final Peer watcher = Peers.agent(UUID.randomUUID(), true);
    private final Peer unregistered = Peers.agent(UUID.randomUUID(), false);

    PresenceBatchTest() {
        batch.registry = registry;
        batch.writer = writer;
        batch.clock = () -> now;
        batch.later = (task, delay) -> {
            queued.add(task);
            delays.add(delay);
        };
        registry.add(watcher);
        registry.add(unregistered);
    }

    @Test
    void aChangeInAQuietMomentGoesOutAtOnceAsAgentUpdated() {
        UUID ann = UUID.randomUUID();
        batch.changed(ann, data(ann, "available"));
        assertEquals(List.of(0L), delays);
        runQueued();
        assertEquals(List.of("{\"event\":\"agent:updated\",\"data\":" + data(ann, "available") + "}"), writer.to(watcher));
        assertEquals(List.of(), writer.to(unregistered), "only registered sockets get presence");
    }

    /**
     * A change flushed while a registering socket's agents list is being read may be newer than that list: it goes
     * out after the list, in order, never before it (the list replaces the dashboard's view and would undo it).
     */
    @Test
    void aChangeWhileASocketsAgentsListIsReadFollowsTheList() {
        Peer registering = Peers.agent(UUID.randomUUID(), true);
        registry.add(registering);
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        registering.presenceListReading();
        batch.changed(ann, data(ann, "available"));
        runQueued();
        now += TimeUnit.SECONDS.toNanos(1);
        batch.changed(bob, data(bob, "busy"));
        runQueued();
        assertEquals(List.of(), writer.to(registering), "nothing before the list");
        assertEquals(2, writer.to(watcher).size(), "other sockets are not held up");
        registering.presenceListRead(Frame.of("LIST"), frame -> writer.send(registering, frame));
        assertEquals(List.of("LIST", "{\"event\":\"agent:updated\",\"data\":" + data(ann, "available") + "}",
                "{\"event\":\"agent:updated\",\"data\":" + data(bob, "busy") + "}"), writer.to(registering));
        now += TimeUnit.SECONDS.toNanos(1);
        batch.changed(ann, data(ann, "away"));
        runQueued();
        assertEquals(4, writer.to(registering).size(), "sent at once after the list");
    }

    @Test
    void changesWithinTheWindowGoOutAsOneFrameWithTheLatestStateOfEachAgentInOrder() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID cid = UUID.randomUUID();
        batch.changed(ann, data(ann, "available"));
        runQueued();
        now += TimeUnit.MILLISECONDS.toNanos(100);
        batch.changed(bob, data(bob, "available"));
        batch.changed(ann, data(ann, "busy"));
        batch.changed(cid, data(cid, "away"));
        assertEquals(List.of(0L, 150L), delays, "one flush for the rest of the window, not one per change");
        runQueued();
        assertEquals(2, writer.to(watcher).size());
        assertEquals("{\"event\":\"agents:updated\",\"data\":[" + data(bob, "available") + "," + data(ann, "busy") + ","
                + data(cid, "away") + "]}", writer.to(watcher).get(1));
    }

    @Test
    void afterAQuietWindowTheNextChangeIsImmediateAgain() {
        UUID ann = UUID.randomUUID();
        batch.changed(ann, data(ann, "available"));
        runQueued();
        now += TimeUnit.MILLISECONDS.toNanos(PresenceBatch.WINDOW_MILLIS + 1);
        batch.changed(ann, data(ann, "away"));
        assertEquals(List.of(0L, 0L), delays);
    }

    private void runQueued() {
        List<Runnable> tasks = new ArrayList<>(queued);
        queued.clear();
        tasks.forEach(Runnable::run);
    }

    private static String data(UUID agent, String status) {
        return "{\"agentId\":\"" + agent + "\",\"agentName\":\"A\",\"extension\":null,\"status\":\"" + status + "\"}";
    }
}
