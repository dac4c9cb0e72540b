package callcenter.web;

import java.util.List;
import java.util.Map;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import callcenter.common.FieldError;
import callcenter.common.JsonP;

/**
 * An RFC 9457 problem document: {@code type}, {@code title}, {@code status}, {@code detail}, {@code errors} for
 * validation failures, and extension members such as {@code callId} at the top level.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "/problems/";

    public static Problem of(int status, String slug, String title, String detail) {
        return of(status, slug, title, detail, List.of(), Map.of());
    }

    public static Problem of(int status, String slug, String title, String detail, List<FieldError> errors,
                             Map<String, Object> extensions) {
        return new Problem(TYPE_BASE + slug, title, status, detail, errors == null ? List.of() : errors,
                extensions == null ? Map.of() : extensions);
    }

    public String toJson() {
        JsonObjectBuilder json = JsonP.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = JsonP.createArrayBuilder();
            errors.forEach(e -> list.add(JsonP.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            json.add("errors", list);
        }
        extensions.forEach((name, value) -> {
            if (value instanceof Number n) {
                json.add(name, n.longValue());
            } else if (value instanceof Boolean b) {
                json.add(name, b);
            } else if (value != null) {
                json.add(name, value.toString());
            }
        });
        return json.build().toString();
    }
}
