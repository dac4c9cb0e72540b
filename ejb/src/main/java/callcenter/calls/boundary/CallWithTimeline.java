package callcenter.calls.boundary;

import java.io.StringReader;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import callcenter.calls.entity.TimelineEntry;
import callcenter.common.JsonP;

/** The answer to {@code GET /api/calls/{id}}: the call as {@link CallView} writes it, then its timeline. */
@JsonbNillable
@JsonbPropertyOrder({"id", "direction", "channel", "status", "callerName", "phoneNumber", "ivrOption", "queueName",
        "queue", "priority", "queuePosition", "estimatedWaitSeconds", "agent", "createdAt", "answeredAt", "endedAt",
        "durationSeconds", "hangupCause", "provider", "disposition", "note", "events"})
public record CallWithTimeline(UUID id, String direction, String channel, String status, String callerName,
                               String phoneNumber, String ivrOption, String queueName, CallView.Agent agent,
                               String createdAt, String answeredAt, String endedAt, Integer durationSeconds,
                               String hangupCause, CallView.Provider provider,
                               @JsonbNillable(false) String disposition, @JsonbNillable(false) JsonValue note,
                               String queue, int priority, Integer queuePosition, Integer estimatedWaitSeconds,
                               List<Event> events) {

    /** One timeline entry, oldest first: what happened, when the platform recorded it, its details. */
    @JsonbPropertyOrder({"type", "at", "data"})
    public record Event(String type, String at, JsonObject data) {

        static Event of(TimelineEntry entry) {
            try (JsonReader reader = JsonP.createReader(new StringReader(entry.data()))) {
                return new Event(entry.type(), CallView.iso(entry.at()), reader.readObject());
            }
        }
    }

    static CallWithTimeline of(CallView call, List<TimelineEntry> timeline) {
        return new CallWithTimeline(call.id(), call.direction(), call.channel(), call.status(), call.callerName(),
                call.phoneNumber(), call.ivrOption(), call.queueName(), call.agent(), call.createdAt(),
                call.answeredAt(), call.endedAt(), call.durationSeconds(), call.hangupCause(), call.provider(),
                call.disposition(), call.note(), call.queue(), call.priority(), call.queuePosition(),
                call.estimatedWaitSeconds(), timeline.stream().map(Event::of).toList());
    }
}
