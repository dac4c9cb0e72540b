package callcenter.providers.africastalking;

import java.net.URI;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import callcenter.common.CallCenterException;
import callcenter.common.FieldError;

/**
 * The body of {@code POST /api/africastalking/make-call}: {@code {"to","from"?,"record"?,"callbackUrl"?}}, with the
 * seed's {@code from_} and {@code callback_url} accepted as aliases.
 */
public record MakeCall(String to, String from, Boolean record, String callbackUrl) {

    static MakeCall read(JsonObject body) {
        Fields fields = new Fields(body);
        MakeCall request = new MakeCall(fields.string("to", "to"), fields.string("from", "from", "from_"),
                fields.bool("record", "record"), fields.string("callbackUrl", "callbackUrl", "callback_url"));
        if (request.to() == null || request.to().isBlank()) {
            fields.errors.add(new FieldError("to", "is required"));
        }
        if (request.callbackUrl() != null && !httpUrl(request.callbackUrl())) {
            fields.errors.add(new FieldError("callbackUrl", "must be an http or https URL"));
        }
        fields.check();
        return request;
    }

    static boolean httpUrl(String value) {
        try {
            URI uri = URI.create(value.trim());
            return value.length() <= 2000 && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Reads fields with aliases and collects every problem, so one 400 names them all. */
    static final class Fields {
        final JsonObject body;
        final java.util.List<FieldError> errors = new java.util.ArrayList<>();

        Fields(JsonObject body) {
            this.body = body;
        }

        private JsonValue first(String... names) {
            for (String name : names) {
                JsonValue value = body.get(name);
                if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
                    return value;
                }
            }
            return null;
        }

        String string(String field, String... names) {
            JsonValue value = first(names);
            if (value == null) {
                return null;
            }
            if (value instanceof jakarta.json.JsonString s) {
                if (s.getString().length() > 2000) {
                    errors.add(new FieldError(field, "is too long"));
                    return null;
                }
                return s.getString();
            }
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }

        /** true/false, also as the strings "true"/"false" that the AT SDKs send. */
        Boolean bool(String field, String... names) {
            JsonValue value = first(names);
            if (value == null) {
                return null;
            }
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value == JsonValue.TRUE;
            }
            if (value instanceof jakarta.json.JsonString s && (s.getString().equals("true") || s.getString().equals("false"))) {
                return Boolean.valueOf(s.getString());
            }
            errors.add(new FieldError(field, "must be true or false"));
            return null;
        }

        Integer integer(String field, int min, int max, String... names) {
            JsonValue value = first(names);
            if (value == null) {
                return null;
            }
            if (value instanceof jakarta.json.JsonNumber n && n.isIntegral()
                    && n.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(min)) >= 0
                    && n.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(max)) <= 0) {
                return n.intValue();
            }
            errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
            return null;
        }

        void check() {
            if (!errors.isEmpty()) {
                errors.sort(java.util.Comparator.comparing(FieldError::field));
                throw CallCenterException.invalid(errors);
            }
        }
    }
}
