package callcenter.events;

import java.io.StringReader;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import callcenter.common.JsonP;

/**
 * One server event on its way from a transaction to the sockets of every node: the WebSocket event name, its
 * {@code data} as JSON text, who gets it, and an ordering key with a sequence (a call's version) so that a node
 * never pushes an older state of a call after a newer one.
 *
 * @param event    the WebSocket event name, e.g. {@code call:incoming}
 * @param data     the event's {@code data}, JSON text
 * @param audience who gets it
 * @param orderKey what the sequence counts, e.g. {@code call:<id>}; null for events that need no ordering
 * @param sequence increases with every committed change of {@code orderKey}; events with a smaller one than a
 *                 node already pushed are stale and dropped
 */
public record Push(String event, String data, Audience audience, String orderKey, Long sequence) {

    /** Created on first use, so that the wire format can be unit-tested without a JSON-B implementation. */
    private static final class Binding {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    public Push {
        if (event == null || event.isBlank() || data == null || audience == null) {
            throw new IllegalArgumentException("an event needs a name, data and an audience");
        }
    }

    /** Not pushed: tells every node to close the sockets of a user who was disabled or whose role changed. */
    public static final String SOCKETS_REVOKED = "sockets:revoked";

    /** Publish in the transaction that disables a user: every node closes that user's sockets once it commits. */
    public static Push revokeSockets(UUID userId) {
        return new Push(SOCKETS_REVOKED, "{}", Audience.user(userId), null, null);
    }

    /** An event whose data is a record (or any JSON-B serializable value). */
    public static Push of(String event, Object data, Audience audience) {
        return new Push(event, data instanceof String s ? s : Binding.JSONB.toJson(data), audience, null, null);
    }

    /** The same event ordered among the changes of one call. */
    public Push forCall(UUID callId, long version) {
        return new Push(event, data, audience, "call:" + callId, version);
    }

    public Push ordered(String key, long version) {
        return new Push(event, data, audience, key, version);
    }

    /** The WebSocket frame: {@code {"event": ..., "data": ...}}. */
    public String frame() {
        return frame(event, data);
    }

    public static String frame(String event, String data) {
        return "{\"event\":" + JsonP.createValue(event) + ",\"data\":" + data + "}";
    }

    /** The JMS text message body. */
    public String toJson() {
        JsonObjectBuilder a = JsonP.createObjectBuilder().add("scope", audience.scope().name());
        add(a, "userId", audience.userId());
        add(a, "except", audience.except());
        add(a, "callerOf", audience.callerOf());
        JsonObjectBuilder o = JsonP.createObjectBuilder().add("event", event).add("data", parse(data)).add("audience", a);
        if (orderKey != null && sequence != null) {
            o.add("orderKey", orderKey).add("sequence", sequence);
        }
        return o.build().toString();
    }

    public static Push fromJson(String json) {
        JsonObject o;
        try (var reader = JsonP.createReader(new StringReader(json))) {
            o = reader.readObject();
        }
        JsonObject a = o.getJsonObject("audience");
        Audience audience = new Audience(Audience.Scope.valueOf(a.getString("scope")), uuid(a, "userId"),
                uuid(a, "except"), uuid(a, "callerOf"));
        String key = o.containsKey("orderKey") ? o.getString("orderKey") : null;
        Long sequence = o.containsKey("sequence") ? o.getJsonNumber("sequence").longValue() : null;
        return new Push(o.getString("event"), o.get("data").toString(), audience, key, sequence);
    }

    private static JsonValue parse(String data) {
        try (var reader = JsonP.createReader(new StringReader(data))) {
            return reader.readValue();
        }
    }

    private static void add(JsonObjectBuilder builder, String name, UUID value) {
        if (value != null) {
            builder.add(name, value.toString());
        }
    }

    private static UUID uuid(JsonObject o, String name) {
        return o.containsKey(name) && !o.isNull(name) ? UUID.fromString(o.getString(name)) : null;
    }
}
