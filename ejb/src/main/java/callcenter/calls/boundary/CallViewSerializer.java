package callcenter.calls.boundary;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;

/**
 * Writes a {@link CallView} as {@link CallView#toJson()} shapes it: JSON-B alone would either drop the members
 * the contract lists as null ({@code agent}, {@code provider}) or write null for those it omits until they exist.
 */
public class CallViewSerializer implements JsonbSerializer<CallView> {

    @Override
    public void serialize(CallView call, JsonGenerator generator, SerializationContext context) {
        generator.write(call.toJson());
    }
}
