package callcenter.web.queues;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import callcenter.queues.boundary.QueueChanges;

/** {@code POST /api/queues}: only the name is needed; the rest has the defaults of api.md section 7. */
public record NewQueueRequest(
        @NotNull @Pattern(regexp = QueueRules.NAME, message = QueueRules.NAME_MESSAGE) String name,
        @Size(max = 200) @Pattern(regexp = QueueRules.NOT_BLANK, message = "must not be blank") String displayName,
        @Pattern(regexp = QueueRules.STRATEGY, message = QueueRules.STRATEGY_MESSAGE) String strategy,
        @Size(max = 20) Map<String, Integer> requiredSkills,
        @Min(0) @Max(9) Integer priority,
        @Min(1) @Max(3600) Integer offerTimeoutSeconds,
        @Min(1) @Max(86400) Integer maxWaitSeconds,
        @Min(1) @Max(86400) Integer relaxAfterSeconds,
        @Valid OverflowRequest overflow) {

    QueueChanges command() {
        return new QueueChanges(name, displayName, strategy, requiredSkills, priority, offerTimeoutSeconds,
                maxWaitSeconds, relaxAfterSeconds, overflow == null ? null : overflow.command());
    }
}
