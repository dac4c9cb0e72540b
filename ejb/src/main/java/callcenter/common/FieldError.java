package callcenter.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

/** One invalid input field, as listed in a validation problem's {@code errors}. */
public record FieldError(String field, String message) {

    /** The error of a Bean Validation violation, named by the last named node of its path (the JSON field). */
    public static FieldError of(ConstraintViolation<?> violation) {
        return new FieldError(fieldName(violation), violation.getMessage());
    }

    public static String fieldName(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name == null ? "body" : name;
    }
}
