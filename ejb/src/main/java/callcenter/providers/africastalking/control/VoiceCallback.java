package callcenter.providers.africastalking.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import callcenter.common.CallCenterException;
import callcenter.common.JsonP;
import callcenter.common.Text;

/**
 * One voice callback of AT (form fields, every value a string; see providers.md 1.4), with the fingerprint that
 * recognises an exact repeat: SHA-256 over the fields sorted by name, so the order AT sends them in does not matter.
 */
public record VoiceCallback(Map<String, List<String>> fields) {

    static final int MAX_FIELDS = 100;

    public VoiceCallback {
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        fields.forEach((name, values) -> sorted.put(name, List.copyOf(values)));
        if (sorted.size() > MAX_FIELDS) {
            throw CallCenterException.badRequest("A voice callback has at most " + MAX_FIELDS + " fields");
        }
        sorted.forEach((name, values) -> {
            if (!Text.storable(name) || values.stream().anyMatch(v -> v != null && !Text.storable(v))) {
                throw CallCenterException.invalid(Text.storable(name) ? name : "form", Text.UNSTORABLE);
            }
        });
        fields = java.util.Collections.unmodifiableSortedMap(sorted);
    }

    public String get(String name) {
        List<String> values = fields.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String value = values.get(0);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String sessionId() {
        return get("sessionId");
    }

    /** {@code isActive=0}: the final callback, with duration and cost. */
    public boolean isFinal() {
        return "0".equals(get("isActive"));
    }

    public boolean inbound() {
        return "inbound".equalsIgnoreCase(get("direction"));
    }

    /** Placed from an agent's browser: AT asks what to do with the number the browser dialed. */
    public boolean fromBrowser() {
        return get("clientDialedNumber") != null;
    }

    /** The hex SHA-256 of the sorted fields: equal for exactly the same callback. */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder();
        fields.forEach((name, values) -> {
            canonical.append(name.length()).append(':').append(name);
            for (String value : values) {
                String v = value == null ? "" : value;
                canonical.append('=').append(v.length()).append(':').append(v);
            }
            canonical.append('\n');
        });
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fields as a JSON object for the {@code provider.callback} timeline entry (a list only when repeated). */
    public JsonObject toJson() {
        JsonObjectBuilder json = JsonP.createObjectBuilder();
        fields.forEach((name, values) -> {
            if (values.size() == 1) {
                json.add(name, values.get(0) == null ? "" : values.get(0));
            } else {
                JsonArrayBuilder array = JsonP.createArrayBuilder();
                values.forEach(v -> array.add(v == null ? "" : v));
                json.add(name, array);
            }
        });
        return json.build();
    }
}
