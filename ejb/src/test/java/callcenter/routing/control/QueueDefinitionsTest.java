package callcenter.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import callcenter.queues.boundary.QueueService;
import callcenter.queues.entity.Queue;
import callcenter.queues.entity.Strategy;

class QueueDefinitionsTest {

    /** The queues "in the database", and how often each was read. */
    private final Map<String, Queue> stored = new HashMap<>();
    private final Map<String, Integer> reads = new HashMap<>();

    private QueueDefinitions definitions() {
        QueueDefinitions definitions = new QueueDefinitions();
        definitions.queues = new QueueService() {
            @Override
            public Queue find(String name, boolean orNull) {
                reads.merge(name, 1, Integer::sum);
                return stored.get(name);
            }

            @Override
            public Queue current(String name) {
                return find(name, true);
            }
        };
        return definitions;
    }

    private Queue store(String name, Strategy strategy) {
        Queue queue = new Queue(name, Instant.parse("2026-12-05T06:00:00Z"));
        queue.strategy(strategy);
        stored.put(name, queue);
        return queue;
    }

    @Test
    void aOneAtATimeQueueIsReadOnceAndThenServedFromTheCache() {
        store("sales", Strategy.LONGEST_IDLE);
        QueueDefinitions definitions = definitions();

        assertEquals(Strategy.LONGEST_IDLE, definitions.of("sales").strategy());
        assertEquals(Strategy.LONGEST_IDLE, definitions.of("sales").strategy());
        assertEquals(1, reads.get("sales"), "the second routing needs no read");
    }

    @Test
    void aRingAllQueueIsReadEveryTimeSoThatNoStaleCopyCanHideAChangeToOneAtATime() {
        store("general", Strategy.RING_ALL);
        QueueDefinitions definitions = definitions();
        definitions.of("general");
        store("general", Strategy.SKILLS);

        assertEquals(Strategy.SKILLS, definitions.of("general").strategy());
        assertEquals(2, reads.get("general"));
    }

    @Test
    void aStaleCopyIsReplacedByTheQueueAsItIsNow() {
        store("sales", Strategy.LONGEST_IDLE);
        QueueDefinitions definitions = definitions();
        assertEquals(0, definitions.of("sales").version());
        Queue changed = store("sales", Strategy.ROUND_ROBIN);
        changed.changed();

        assertEquals(Strategy.LONGEST_IDLE, definitions.of("sales").strategy(), "the cache alone cannot know");
        QueueDefinitions.Definition now = definitions.reread("sales");
        assertEquals(Strategy.ROUND_ROBIN, now.strategy());
        assertEquals(1, now.version());
        assertEquals(now, definitions.of("sales"), "kept for the next routing");
    }

    @Test
    void aQueueThatWasDeletedOrBecameRingAllIsNoLongerKept() {
        store("sales", Strategy.LONGEST_IDLE);
        store("support", Strategy.SKILLS);
        QueueDefinitions definitions = definitions();
        definitions.of("sales");
        definitions.of("support");
        stored.remove("sales");
        store("support", Strategy.RING_ALL);

        assertNull(definitions.reread("sales"));
        assertNull(definitions.of("sales"));
        assertEquals(Strategy.RING_ALL, definitions.reread("support").strategy());
        assertEquals(Strategy.RING_ALL, definitions.of("support").strategy());
        assertEquals(3, reads.get("support"), "read again, not served from the cache");
    }
}
