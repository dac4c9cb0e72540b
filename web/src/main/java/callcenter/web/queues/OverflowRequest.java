package callcenter.web.queues;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import callcenter.queues.boundary.QueueView;

/** A queue's {@code overflow}: after {@code afterSeconds} its calls are also offered to {@code queue}'s members. */
public record OverflowRequest(@Min(0) @Max(86400) Integer afterSeconds,
                              @Pattern(regexp = QueueRules.NAME, message = QueueRules.NAME_MESSAGE) String queue) {

    QueueView.Overflow command() {
        return new QueueView.Overflow(afterSeconds, queue);
    }
}
