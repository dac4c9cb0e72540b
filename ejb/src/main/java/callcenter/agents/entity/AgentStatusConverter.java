package callcenter.agents.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link AgentStatus} by its wire name, the values the schema's check constraint allows. */
@Converter(autoApply = true)
public class AgentStatusConverter implements AttributeConverter<AgentStatus, String> {

    @Override
    public String convertToDatabaseColumn(AgentStatus status) {
        return status == null ? null : status.wireName();
    }

    @Override
    public AgentStatus convertToEntityAttribute(String value) {
        return value == null ? null : AgentStatus.fromWire(value)
                .orElseThrow(() -> new IllegalStateException("unknown agent status in the database: " + value));
    }
}
