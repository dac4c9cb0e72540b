package callcenter.queues.boundary;

/**
 * Fired inside the transaction that deletes a queue, before its row goes: the call log moves the queue's waiting
 * calls to the default queue, and routing offers them again there.
 */
public record QueueDeleted(String name) {
}
