package callcenter.calls.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.calls.entity.CallLog;
import callcenter.platform.Settings;
import callcenter.queues.boundary.QueueRef;
import callcenter.queues.boundary.QueueService;

/**
 * Puts a new inbound call in its queue (api.md section 7): the queue named by its {@code queueName}, else the
 * default; its priority the higher of the queue's and the one asked for; missed once the queue's maximum wait
 * (default the ring timeout) has passed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Queuing {

    @Inject
    QueueService queues;

    @Inject
    Settings settings;

    /** {@code requestedPriority}: null when none was asked for. Answers the queue's strategy and name. */
    public QueueRef queue(CallLog call, Integer requestedPriority) {
        QueueRef queue = queues.route(call.queueName());
        int priority = Math.max(queue.priority(), requestedPriority == null ? 0 : requestedPriority);
        int maxWait = queue.maxWaitSeconds() == null ? settings.ringTimeoutSeconds() : queue.maxWaitSeconds();
        call.queued(queue.name(), priority, call.createdAt().plusSeconds(maxWait));
        return queue;
    }
}
