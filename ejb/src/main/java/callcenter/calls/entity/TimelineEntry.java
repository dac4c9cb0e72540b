package callcenter.calls.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a call's timeline: what happened, when the platform recorded it, and its details as JSON. */
@Entity
@Table(name = "call_events")
public class TimelineEntry {

    @Id
    // From call_events_seq as the row is inserted (the column's default, V50): one round trip per entry, and ids
    // follow the order in which the entries were written, across nodes.
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_id", nullable = false)
    private UUID callId;

    @Column(name = "event_type", nullable = false)
    private String type;

    @Column(name = "recorded_at", nullable = false)
    private Instant at;

    /** A JSON object. */
    @Column(name = "data", nullable = false)
    private String data;

    protected TimelineEntry() {
    }

    public TimelineEntry(UUID callId, String type, Instant at, String data) {
        this.callId = callId;
        this.type = type;
        this.at = at;
        this.data = data;
    }

    public Long id() {
        return id;
    }

    public UUID callId() {
        return callId;
    }

    public String type() {
        return type;
    }

    public Instant at() {
        return at;
    }

    public String data() {
        return data;
    }
}
