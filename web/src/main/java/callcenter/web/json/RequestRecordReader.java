package callcenter.web.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import callcenter.common.CallCenterException;
import callcenter.common.FieldError;
import callcenter.common.JsonP;
import callcenter.common.Text;

/**
 * Binds a JSON request body to a request record, the one way the API reads JSON: the seed's names are accepted
 * through {@link Alias}, every field of the wrong JSON type and every Bean Validation failure are reported together
 * in one 400 (so a client fixes its request in one round), and a malformed body never reaches a resource. The
 * binding itself is JSON-B's, over the fields as the record names them.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class RequestRecordReader implements MessageBodyReader<Record> {

    @Inject
    Validator validator;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getName().startsWith("callcenter.");
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        return read(entityStream.readAllBytes(), type);
    }

    /** The request record of {@code body}, or a 400 naming what is wrong with it. */
    public <T extends Record> T read(byte[] body, Class<T> type) {
        JsonObject json = object(body, type.isAnnotationPresent(OptionalBody.class));
        List<FieldError> errors = new ArrayList<>();
        JsonObjectBuilder fields = JsonP.createObjectBuilder();
        for (RecordComponent component : type.getRecordComponents()) {
            JsonValue value = valueOf(json, component);
            if (value == null) {
                continue;
            }
            String expected = expected(component.getType(), value);
            if (expected != null) {
                errors.add(new FieldError(component.getName(), "must be " + expected));
            } else if (value instanceof JsonString text && !Text.storable(text.getString())) {
                errors.add(new FieldError(component.getName(), UNSTORABLE));
            } else {
                fields.add(component.getName(), value);
            }
        }
        T request;
        try {
            request = SharedJsonb.jsonb().fromJson(fields.build().toString(), type);
        } catch (JsonbException e) {
            throw malformed("The body does not have the expected shape");
        }
        for (ConstraintViolation<T> violation : validator().validate(request)) {
            String field = FieldError.fieldName(violation);
            if (errors.stream().noneMatch(e -> e.field().equals(field))) {
                errors.add(new FieldError(field, violation.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw CallCenterException.invalid(errors);
        }
        return request;
    }

    private static JsonObject object(byte[] body, boolean optional) {
        if (isBlank(body)) {
            if (optional) {
                return JsonValue.EMPTY_JSON_OBJECT;
            }
            throw malformed("The request needs a JSON object body");
        }
        String text;
        try {
            // Strict: a body that is not UTF-8 is refused rather than read with replacement characters.
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("The body is not UTF-8");
        }
        JsonValue parsed;
        try (JsonReader reader = JsonP.createReader(new StringReader(text))) {
            parsed = reader.readValue();
        } catch (RuntimeException e) {
            // JsonException for bad syntax and bad UTF-8; Parsson refuses nesting deeper than its limit with a plain
            // RuntimeException.
            throw malformed("The body is not valid JSON");
        }
        if (parsed instanceof JsonObject object) {
            return object;
        }
        throw malformed("The body must be a JSON object");
    }

    /** The value of the component's own name, else of its first alias that is present and not null. */
    private static JsonValue valueOf(JsonObject json, RecordComponent component) {
        JsonValue own = json.get(component.getName());
        if (own != null && own != JsonValue.NULL) {
            return own;
        }
        Alias alias = component.getAnnotation(Alias.class);
        if (alias != null) {
            for (String name : alias.value()) {
                JsonValue value = json.get(name);
                if (value != null && value != JsonValue.NULL) {
                    return value;
                }
            }
        }
        return null;
    }

    /** What the component needs when {@code value} does not fit it ("a string", ...); null when it fits. */
    static String expected(Class<?> type, JsonValue value) {
        JsonValue.ValueType kind = value.getValueType();
        if (type == String.class) {
            return kind == JsonValue.ValueType.STRING ? null : "a string";
        }
        if (type == UUID.class) {
            return kind == JsonValue.ValueType.STRING && isUuid(((JsonString) value).getString()) ? null : "an id (UUID)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return kind == JsonValue.ValueType.TRUE || kind == JsonValue.ValueType.FALSE ? null : "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            long max = type == Integer.class || type == int.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
            return kind == JsonValue.ValueType.NUMBER && isWhole((JsonNumber) value, max) ? null : "a whole number";
        }
        if (type == Double.class || type == double.class || type == BigDecimal.class) {
            return kind == JsonValue.ValueType.NUMBER ? null : "a number";
        }
        if (type.isEnum()) {
            if (kind == JsonValue.ValueType.STRING) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(((JsonString) value).getString())) {
                        return null;
                    }
                }
            }
            return "one of " + List.of(type.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return kind == JsonValue.ValueType.ARRAY ? null : "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || JsonObject.class.isAssignableFrom(type)) {
            return kind == JsonValue.ValueType.OBJECT ? null : "an object";
        }
        return null;
    }

    static final String UNSTORABLE = Text.UNSTORABLE;

    private static boolean isWhole(JsonNumber number, long max) {
        if (!number.isIntegral()) {
            return false;
        }
        BigDecimal value = number.bigDecimalValue();
        // Compared before converting, so 1e999999999 is refused without being expanded.
        return value.abs().compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private Validator validator() {
        Validator v = validator;
        if (v == null) {
            v = Validation.buildDefaultValidatorFactory().getValidator();
            validator = v;
        }
        return v;
    }

    static CallCenterException malformed(String detail) {
        return new CallCenterException(400, "malformed-body", "Malformed body", detail);
    }
}
