package callcenter.calls.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import callcenter.common.CallCenterException;
import callcenter.common.FieldError;

/**
 * Reads request fields from a parsed JSON object, accepting the seed backends' snake_case names as aliases, and
 * checks the resulting request record with Bean Validation. Problems are collected per field.
 */
public final class JsonFields {

    private final JsonObject body;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonFields(JsonObject body) {
        this.body = body;
    }

    public static JsonFields of(JsonObject body) {
        return new JsonFields(body);
    }

    /** The first of {@code names} present and not null, which must be a string; null when none is present. */
    public String string(String field, String... names) {
        for (String name : names) {
            JsonValue value = body.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            if (value instanceof JsonString s) {
                return s.getString();
            }
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return null;
    }

    /**
     * Runs a check of one field that fails with a validation error (a phone number, say) and keeps its errors with the
     * others, so that one answer names every bad field; null when the field was already refused or is refused now.
     */
    public <R> R check(String field, Supplier<R> check) {
        if (errors.stream().anyMatch(e -> e.field().equals(field))) {
            return null;
        }
        try {
            return check.get();
        } catch (CallCenterException e) {
            if (e.errors().isEmpty()) {
                throw e;
            }
            errors.addAll(e.errors());
            return null;
        }
    }

    /** Fails with every field problem found by the reads, by {@link #check} and by validating {@code request}. */
    public <T> T valid(T request, Validator validator) {
        List<FieldError> all = new ArrayList<>(errors);
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        for (ConstraintViolation<T> v : violations) {
            String field = FieldError.fieldName(v);
            if (all.stream().noneMatch(e -> e.field().equals(field))) {
                all.add(new FieldError(field, v.getMessage()));
            }
        }
        if (!all.isEmpty()) {
            all.sort(java.util.Comparator.comparing(FieldError::field));
            throw CallCenterException.invalid(all);
        }
        return request;
    }

}
