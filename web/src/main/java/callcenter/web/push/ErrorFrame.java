package callcenter.web.push;

import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import callcenter.common.CallCenterException;
import callcenter.web.Problems;

/**
 * The {@code error} event: a client event that failed, with a code from api.md section 5; the socket stays open.
 *
 * @param callId the call the failed event was about, when it named one that could be read; omitted when null
 */
@JsonbPropertyOrder({"code", "message", "callId"})
public record ErrorFrame(String code, String message, UUID callId) {

    private static final Logger LOG = Logger.getLogger(ErrorFrame.class.getName());

    public ErrorFrame {
        message = message == null ? code : message;
    }

    /**
     * The error for a business failure (also wrapped by the EJB container) or a database out of reach, classified as
     * the REST API's problems are ({@link Problems#unwrap}); empty for anything unexpected.
     */
    static Optional<ErrorFrame> of(Throwable failure, UUID callId) {
        return Problems.unwrap(failure) instanceof CallCenterException e
                ? Optional.of(new ErrorFrame(code(e), e.detail(), callId))
                : Optional.empty();
    }

    /** The error for any failure: {@link #of}, or {@link #internal} with the failure logged. */
    static ErrorFrame describing(RuntimeException failure, UUID callId) {
        return of(failure, callId).orElseGet(() -> {
            LOG.log(Level.SEVERE, "Unexpected failure handling a WebSocket event", failure);
            return internal(callId);
        });
    }

    /** Said when something unexpected failed: the details are logged, never sent. */
    static ErrorFrame internal(UUID callId) {
        return new ErrorFrame("internal", "Something went wrong on our side", callId);
    }

    static String code(CallCenterException e) {
        return switch (e.status()) {
            case 400 -> "bad_request";
            case 401, 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "call-already-taken".equals(e.type()) ? "call_already_taken" : "call_not_active";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> "internal";
        };
    }

    String frame() {
        return Frames.of("error", this);
    }
}
