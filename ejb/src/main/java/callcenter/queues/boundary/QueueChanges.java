package callcenter.queues.boundary;

import java.util.Map;

/**
 * A new queue, or a partial change of one, as the web layer bound and checked its fields: null leaves a field as it
 * is (or takes its default for a new queue).
 *
 * @param overflow      the new overflow; an overflow with neither field removes it
 */
public record QueueChanges(String name, String displayName, String strategy, Map<String, Integer> requiredSkills,
                           Integer priority, Integer offerTimeoutSeconds, Integer maxWaitSeconds,
                           Integer relaxAfterSeconds, QueueView.Overflow overflow) {
}
