package callcenter.calls.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;


/**
 * One call, inbound or outbound, on any channel. Changes after creation are made by conditional UPDATE statements
 * in {@code CallTransitions} (so that two nodes can never both win a race), each incrementing {@link #version()}; this
 * class is what they read back.
 */
@Entity
@Table(name = "calls")
public class CallLog {

    public static final String INBOUND = "inbound";
    public static final String OUTBOUND = "outbound";
    public static final String CHANNEL_APP = "app";
    public static final String CHANNEL_TELNYX = "telnyx";
    public static final String CHANNEL_AFRICASTALKING = "africastalking";

    @Id
    private UUID id;

    @Column(name = "direction", nullable = false)
    private String direction;

    @Column(name = "channel", nullable = false)
    private String channel;

    @Column(name = "status", nullable = false)
    private CallStatus status;

    @Column(name = "caller_name")
    private String callerName;

    @Column(name = "phone_number")
    private String phoneNumber;

    @Column(name = "ivr_option")
    private String ivrOption;

    @Column(name = "queue_name")
    private String queueName;

    @Column(name = "agent_id")
    private UUID agentId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "agent_id", insertable = false, updatable = false)
    private CallAgent agent;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "duration_seconds")
    private Integer durationSeconds;

    @Column(name = "hangup_cause")
    private String hangupCause;

    @Column(name = "provider_name")
    private String providerName;

    @Column(name = "provider_call_control_id")
    private String providerCallControlId;

    @Column(name = "provider_session_id")
    private String providerSessionId;

    @Column(name = "disposition")
    private String disposition;

    @Column(name = "note")
    private String note;

    @Column(name = "created_by_client_id")
    private UUID createdByClientId;

    @Column(name = "version", nullable = false)
    private long version;

    /** The queue that routes an inbound call (api.md section 7); null for outbound calls. */
    @Column(name = "queue", length = 64)
    private String queue;

    @Column(name = "priority", nullable = false)
    private int priority;

    /** When a call still waiting is missed; null for calls stored before queues: the ring timeout applies. */
    @Column(name = "wait_deadline")
    private Instant waitDeadline;

    protected CallLog() {
    }

    /** A new inbound call from the app, waiting for an agent. */
    public static CallLog inboundAppCall(UUID id, String callerName, String phoneNumber, String ivrOption,
                                         String queueName, UUID createdByClientId, Instant now) {
        CallLog call = new CallLog();
        call.id = id;
        call.direction = INBOUND;
        call.channel = CHANNEL_APP;
        call.status = CallStatus.WAITING;
        call.callerName = callerName;
        call.phoneNumber = phoneNumber;
        call.ivrOption = ivrOption;
        call.queueName = queueName;
        call.createdByClientId = createdByClientId;
        call.createdAt = now;
        call.version = 1;
        return call;
    }

    public UUID id() {
        return id;
    }

    public String direction() {
        return direction;
    }

    public String channel() {
        return channel;
    }

    public CallStatus status() {
        return status;
    }

    public String callerName() {
        return callerName;
    }

    public String phoneNumber() {
        return phoneNumber;
    }

    public String ivrOption() {
        return ivrOption;
    }

    public String queueName() {
        return queueName;
    }

    public UUID agentId() {
        return agentId;
    }

    /** The agent's user row; null while no agent has the call. */
    public CallAgent agent() {
        return agentId == null ? null : agent;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public Integer durationSeconds() {
        return durationSeconds;
    }

    public String hangupCause() {
        return hangupCause;
    }

    public String providerName() {
        return providerName;
    }

    public String providerCallControlId() {
        return providerCallControlId;
    }

    public String providerSessionId() {
        return providerSessionId;
    }

    public String disposition() {
        return disposition;
    }

    public String note() {
        return note;
    }

    public UUID createdByClientId() {
        return createdByClientId;
    }

    public long version() {
        return version;
    }

    public String queue() {
        return queue;
    }

    public int priority() {
        return priority;
    }

    public Instant waitDeadline() {
        return waitDeadline;
    }

    /** The same new call, queued: routed by {@code queue}, missed at {@code deadline}; only before it is persisted. */
    public CallLog queued(String queue, int priority, Instant deadline) {
        this.queue = queue;
        this.priority = priority;
        this.waitDeadline = deadline;
        return this;
    }

    /**
     * A call through a carrier: inbound ({@code waiting}) or outbound ({@code dialing}), with the carrier's session
     * id when it is already known.
     */
    public static CallLog carrierCall(UUID id, String direction, String channel, CallStatus status, String callerName,
                                      String phoneNumber, UUID agentId, UUID createdByClientId, String providerName,
                                      String providerSessionId, Instant now) {
        CallLog call = new CallLog();
        call.id = id;
        call.direction = direction;
        call.channel = channel;
        call.status = status;
        call.callerName = callerName;
        call.phoneNumber = phoneNumber;
        call.agentId = agentId;
        call.createdByClientId = createdByClientId;
        call.providerName = providerName;
        call.providerSessionId = providerSessionId;
        call.createdAt = now;
        call.version = 1;
        return call;
    }

    /** The same new call, following a Telnyx leg from the start; only before it is persisted. */
    public CallLog followingCallControlId(String callControlId) {
        this.providerCallControlId = callControlId;
        return this;
    }
}
