package callcenter.web.queues;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import callcenter.common.CallCenterException;
import callcenter.queues.boundary.QueueChanges;

/**
 * {@code PATCH /api/queues/{name}}: absent (or null) fields stay as they are; {@code "overflow": {}} removes the
 * overflow. The name cannot change: a {@code name} other than the queue's is a 400, not silently ignored (an admin
 * who meant a rename would otherwise read a 200).
 */
public record QueueChangesRequest(
        String name,
        @Size(max = 200) @Pattern(regexp = QueueRules.NOT_BLANK, message = "must not be blank") String displayName,
        @Pattern(regexp = QueueRules.STRATEGY, message = QueueRules.STRATEGY_MESSAGE) String strategy,
        @Size(max = 20) Map<String, Integer> requiredSkills,
        @Min(0) @Max(9) Integer priority,
        @Min(1) @Max(3600) Integer offerTimeoutSeconds,
        @Min(1) @Max(86400) Integer maxWaitSeconds,
        @Min(1) @Max(86400) Integer relaxAfterSeconds,
        @Valid OverflowRequest overflow) {

    QueueChanges command(String queue) {
        if (name != null && !name.equals(queue)) {
            throw CallCenterException.invalid("name", "cannot be changed; create a queue of the new name and move the"
                    + " members to it");
        }
        return new QueueChanges(null, displayName, strategy, requiredSkills, priority, offerTimeoutSeconds,
                maxWaitSeconds, relaxAfterSeconds, overflow == null ? null : overflow.command());
    }
}
