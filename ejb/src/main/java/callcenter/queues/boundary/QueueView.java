package callcenter.queues.boundary;

import java.util.Map;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import callcenter.queues.entity.Queue;

/** A queue as the API shows it (api.md section 7); {@code maxWaitSeconds} null means the platform's ring timeout. */
@JsonbNillable
@JsonbPropertyOrder({"name", "displayName", "strategy", "requiredSkills", "priority", "offerTimeoutSeconds",
        "maxWaitSeconds", "relaxAfterSeconds", "overflow"})
public record QueueView(String name, String displayName, String strategy, Map<String, Integer> requiredSkills,
                        int priority, int offerTimeoutSeconds, Integer maxWaitSeconds, int relaxAfterSeconds,
                        Overflow overflow) {

    /** Nillable on the type: for a member of a record type, Yasson takes nillability from the type. */
    @JsonbNillable
    @JsonbPropertyOrder({"afterSeconds", "queue"})
    public record Overflow(Integer afterSeconds, String queue) {
    }

    public static QueueView of(Queue q) {
        return new QueueView(q.name(), q.displayName(), q.strategy().wireName(), q.requiredSkills(), q.priority(),
                q.offerTimeoutSeconds(), q.maxWaitSeconds(), q.relaxAfterSeconds(),
                q.overflowQueue() == null ? null : new Overflow(q.overflowAfterSeconds(), q.overflowQueue()));
    }
}
