package callcenter.routing.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import callcenter.queues.boundary.QueueService;
import callcenter.queues.entity.Queue;
import callcenter.queues.entity.Strategy;

/**
 * What routing needs of the one-at-a-time queues, cached on this node: reading the queue was a round trip of every
 * routing (issue 16). A cached definition is never trusted alone: the candidates' statement checks its version
 * ({@code queues.version}, counted up by every change of the queue, whichever node made it) in the snapshot that
 * reads the candidates, and when it differs the queue is read again ({@link #reread}). Ring-all queues are not kept,
 * so a stale entry can never make a queue that became one-at-a-time look like ring-all (which no statement checks).
 */
@ApplicationScoped
public class QueueDefinitions {

    /** A queue's routing definition as read at {@code version}. */
    public record Definition(String name, Strategy strategy, Map<String, Integer> requiredSkills,
                             int relaxAfterSeconds, int offerTimeoutSeconds, long version) {

        static Definition of(Queue queue) {
            return new Definition(queue.name(), queue.strategy(), queue.requiredSkills(), queue.relaxAfterSeconds(),
                    queue.offerTimeoutSeconds(), queue.version());
        }
    }

    @Inject
    QueueService queues;

    private final Map<String, Definition> cached = new ConcurrentHashMap<>();

    /** The queue's definition, cached or read in the caller's transaction; null when there is no such queue. */
    public Definition of(String name) {
        Definition definition = cached.get(name);
        return definition != null ? definition : keep(name, queues.find(name, true));
    }

    /** The queue's definition as the database has it now (a statement found the cached one stale). */
    public Definition reread(String name) {
        return keep(name, queues.current(name));
    }

    private Definition keep(String name, Queue queue) {
        if (queue == null || !queue.strategy().oneAtATime()) {
            cached.remove(name);
            return queue == null ? null : Definition.of(queue);
        }
        Definition definition = Definition.of(queue);
        cached.put(name, definition);
        return definition;
    }
}
