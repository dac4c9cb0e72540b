package callcenter.idempotency.boundary;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import callcenter.common.JsonP;

/**
 * The fingerprint of a request for Idempotency-Key checks: SHA-256 over the operation and a canonical form of the
 * parsed JSON body (object members sorted by name, numbers by value), so whitespace and member order do not matter
 * but any change of a value does.
 */
public final class RequestHash {

    /** Created on first use, so that the fingerprint of parsed JSON needs no JSON-B implementation. */
    private static final class Binding {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    private RequestHash() {
    }

    /**
     * The fingerprint of a request bound to a record: the record as JSON-B writes it, so two bodies that bind to the
     * same request (a snake_case alias, a member the request does not have) are the same request.
     */
    public static String of(String operation, Record request) {
        try (var reader = JsonP.createReader(new StringReader(Binding.JSONB.toJson(request)))) {
            return of(operation, reader.readValue());
        }
    }

    public static String of(String operation, JsonValue body) {
        StringBuilder canonical = new StringBuilder(operation).append('\n');
        write(body, canonical);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String canonical(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, JsonValue> sorted = new TreeMap<>((JsonObject) value);
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> member : sorted.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append(JsonP.createValue(member.getKey()));
                    out.append(':');
                    write(member.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonValue item : (JsonArray) value) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(item, out);
                }
                out.append(']');
            }
            case STRING -> out.append(JsonP.createValue(((JsonString) value).getString()));
            // 1, 1.0 and 0.1e1 are the same number; written as digits and exponent, never expanded (1e999999999
            // would be a billion characters).
            case NUMBER -> {
                BigDecimal number = ((JsonNumber) value).bigDecimalValue();
                if (number.signum() == 0) {
                    out.append('0');
                } else {
                    BigDecimal n = number.stripTrailingZeros();
                    out.append(n.unscaledValue()).append('e').append(-(long) n.scale());
                }
            }
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case NULL -> out.append("null");
        }
    }
}
