package callcenter.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import callcenter.common.CallCenterException;
import callcenter.common.FieldError;

/** The one place that decides how a failure looks to an API user. */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    private Problems() {
    }

    /**
     * The problem for a failure.
     *
     * @param authenticated whether the request carried a valid identity; a role check failing without one is a
     *                      401 (no or bad credentials), with one a 403
     */
    public static Problem of(Throwable failure, boolean authenticated) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CallCenterException e) {
            return Problem.of(e.status(), e.type(), e.title(), e.detail(), e.errors(), e.extensions());
        }
        if (cause instanceof ConstraintViolationException e) {
            List<FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> FieldError.of(v))
                    .sorted(java.util.Comparator.comparing(FieldError::field))
                    .toList();
            return of(CallCenterException.invalid(errors.isEmpty() ? List.of(new FieldError("body", "is invalid")) : errors), authenticated);
        }
        if (cause instanceof ValidationException) {
            return Problem.of(400, "validation", "Invalid request", "The request could not be validated");
        }
        if (cause instanceof JsonbException || cause instanceof JsonParsingException || cause instanceof ProcessingException) {
            return Problem.of(400, "malformed-body", "Malformed body",
                    "The body is not a JSON object of the expected shape");
        }
        if (cause instanceof NotFoundException) {
            return Problem.of(404, "not-found", "Not found", "No resource at this path");
        }
        if (cause instanceof NotAllowedException) {
            return Problem.of(405, "method-not-allowed", "Method not allowed", "This path does not accept this method");
        }
        if (cause instanceof NotSupportedException) {
            return Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "This endpoint does not accept the request's Content-Type (JSON endpoints take application/json)");
        }
        if (cause instanceof NotAcceptableException) {
            return Problem.of(406, "not-acceptable", "Not acceptable", "This resource answers application/json");
        }
        if (cause instanceof NotAuthorizedException || (cause instanceof ForbiddenException && !authenticated)) {
            return unauthorized();
        }
        if (cause instanceof ForbiddenException) {
            return Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this");
        }
        if (cause instanceof BadRequestException) {
            return Problem.of(400, "bad-request", "Bad request", "The request is malformed");
        }
        if (cause instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
            Response.StatusType status = e.getResponse().getStatusInfo();
            return Problem.of(status.getStatusCode(), "http-" + status.getStatusCode(), status.getReasonPhrase(),
                    status.getReasonPhrase());
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return Problem.of(500, "internal", "Internal error", "Something went wrong on our side; incident " + incident,
                List.of(), Map.of("incident", incident));
    }

    public static Problem unauthorized() {
        return Problem.of(401, "unauthorized", "Unauthorized",
                "Send a valid token: Authorization: Bearer <token> (POST /api/auth/login or /api/auth/token)");
    }

    /** The business or JAX-RS failure inside container wrappers. */
    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof EJBException || current instanceof jakarta.transaction.RollbackException
                || current.getClass().getName().equals("jakarta.ejb.EJBTransactionRolledbackException"))
                && current.getCause() != null) {
            current = current.getCause();
        }
        if (!(current instanceof CallCenterException) && !(current instanceof ValidationException)) {
            // A business failure can also arrive wrapped in a persistence or transaction exception.
            for (Throwable c = current.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                if (c instanceof CallCenterException) {
                    return c;
                }
            }
        }
        return current;
    }

}
