package callcenter.web.push;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import callcenter.events.Push;

/** The server's frames {@code {"event": ..., "data": ...}} with records as their data, written by JSON-B. */
final class Frames {

    /** Created on first use, so that classes that only load this one need no JSON-B implementation. */
    private static final class Binding {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    private Frames() {
    }

    static String of(String event, Object data) {
        return Push.frame(event, Binding.JSONB.toJson(data));
    }

    static <T> T read(String json, Class<T> type) {
        return Binding.JSONB.fromJson(json, type);
    }
}
