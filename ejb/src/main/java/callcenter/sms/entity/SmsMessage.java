package callcenter.sms.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One SMS a carrier delivered to one of our numbers. Never changed after it was stored. */
@Entity
@Table(name = "sms_messages")
public class SmsMessage {

    @Id
    private UUID id;

    @Column(name = "provider_name", nullable = false)
    private String providerName;

    @Column(name = "provider_message_id")
    private String providerMessageId;

    @Column(name = "from_number")
    private String fromNumber;

    @Column(name = "to_number")
    private String toNumber;

    @Column(name = "body", nullable = false)
    private String text;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SmsMessage() {
    }

    public SmsMessage(UUID id, String providerName, String providerMessageId, String fromNumber, String toNumber,
                      String text, Instant receivedAt, Instant createdAt) {
        this.id = id;
        this.providerName = providerName;
        this.providerMessageId = providerMessageId;
        this.fromNumber = fromNumber;
        this.toNumber = toNumber;
        this.text = text;
        this.receivedAt = receivedAt;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String providerName() {
        return providerName;
    }

    public String providerMessageId() {
        return providerMessageId;
    }

    public String fromNumber() {
        return fromNumber;
    }

    public String toNumber() {
        return toNumber;
    }

    public String text() {
        return text;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
