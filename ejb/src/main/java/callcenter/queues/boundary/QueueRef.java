package callcenter.queues.boundary;

import callcenter.queues.entity.Strategy;

/** What a new call needs of the queue that routes it: its name, priority and maximum wait (null: ring timeout). */
public record QueueRef(String name, Strategy strategy, int priority, Integer maxWaitSeconds) {
}
