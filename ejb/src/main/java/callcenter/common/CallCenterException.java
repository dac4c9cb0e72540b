package callcenter.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.ApplicationException;

/**
 * Every business failure: an HTTP status, a problem type slug and a message an API user can act on. Thrown from
 * boundaries, it leaves the EJB unwrapped and rolls the transaction back, so a rejected request changes nothing.
 * The web layer turns it into {@code application/problem+json}.
 */
@ApplicationException(rollback = true)
public class CallCenterException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private Long retryAfterSeconds;

    public CallCenterException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public CallCenterException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public static CallCenterException badRequest(String detail) {
        return new CallCenterException(400, "bad-request", "Bad request", detail);
    }

    /** A 400 naming the offending fields, the shape of a bean-validation failure. */
    public static CallCenterException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new CallCenterException(400, "validation", "Invalid request", detail, errors);
    }

    public static CallCenterException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static CallCenterException unauthorized(String detail) {
        return new CallCenterException(401, "unauthorized", "Unauthorized", detail);
    }

    public static CallCenterException forbidden(String detail) {
        return new CallCenterException(403, "forbidden", "Forbidden", detail);
    }

    public static CallCenterException notFound(String detail) {
        return new CallCenterException(404, "not-found", "Not found", detail);
    }

    public static CallCenterException conflict(String type, String title, String detail) {
        return new CallCenterException(409, type, title, detail);
    }

    public static CallCenterException tooManyRequests(String detail, long retryAfterSeconds) {
        return new CallCenterException(429, "rate-limited", "Too many requests", detail).retryAfter(retryAfterSeconds);
    }

    public static CallCenterException unavailable(String detail) {
        return new CallCenterException(503, "unavailable", "Service unavailable", detail);
    }

    public CallCenterException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public CallCenterException retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem type URI, e.g. {@code call-already-taken}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
