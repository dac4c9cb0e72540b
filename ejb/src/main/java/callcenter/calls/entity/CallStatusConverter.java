package callcenter.calls.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link CallStatus} by its wire name, the values the schema's check constraint allows. */
@Converter(autoApply = true)
public class CallStatusConverter implements AttributeConverter<CallStatus, String> {

    @Override
    public String convertToDatabaseColumn(CallStatus status) {
        return status == null ? null : status.wireName();
    }

    @Override
    public CallStatus convertToEntityAttribute(String value) {
        return value == null ? null : CallStatus.fromWire(value)
                .orElseThrow(() -> new IllegalStateException("unknown call status in the database: " + value));
    }
}
