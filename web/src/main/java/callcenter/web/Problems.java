package callcenter.web;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.resource.ResourceException;
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
import callcenter.common.Failures;
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

    /**
     * How long a client should wait before retrying a request that found no database connection: the pool's
     * blocking timeout (server.cli), after which a connection held by a slow request has usually come back.
     */
    static final long DATABASE_RETRY_SECONDS = 5;

    /**
     * The business or JAX-RS failure inside container wrappers; a database that gave no connection is a
     * {@link #databaseUnavailable 503}. The WebSocket's {@code error} frames classify failures through it too.
     */
    public static Throwable unwrap(Throwable failure) {
        if (databaseUnavailable(failure)) {
            // Not an incident with a stack trace per request: under a burst every request waiting for a connection
            // fails the same way, and what the operator needs is the cause, once per request at most.
            LOG.warning("No database connection for a request (it answers 503): " + Failures.rootReason(failure));
            return CallCenterException.unavailable("The database cannot be reached or has no free connection;"
                    + " nothing was changed, try again").retryAfter(DATABASE_RETRY_SECONDS);
        }
        return unwrapContainer(failure);
    }

    /**
     * Whether the failure is the database being out of reach rather than a fault of the request or the code: the
     * connection pool (a Jakarta Connectors pool) gave no connection within its blocking timeout or could not open
     * one, or the driver reported a connection exception (SQLSTATE class 08: refused, lost, closed by a restart).
     * api.md answers a needed part that is not reachable with 503; as a 500 it read as a bug, and clients and load
     * balancers do not retry a 500. The transaction of such a request rolls back, so it changed nothing.
     */
    static boolean databaseUnavailable(Throwable failure) {
        boolean sql = false;
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException e) {
                sql = true;
                if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                    return true;
                }
            }
            // Only beneath a JDBC failure: a broker that cannot be reached is a ResourceException too, and says so
            // itself (PushPublisher).
            if (sql && c instanceof ResourceException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrapContainer(Throwable failure) {
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
