package callcenter.providers;

import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

import jakarta.ejb.ApplicationException;

import callcenter.calls.entity.HangupCauses;
import callcenter.common.CallCenterException;
import callcenter.common.Failures;

/**
 * A carrier answered with an error (502) or did not answer in time (504). The detail carries the carrier's own
 * message and never a credential. Not rolling back: the caller decides what to keep (a failed call stays logged).
 */
@ApplicationException(rollback = false)
public class ProviderException extends CallCenterException {

    private final String provider;

    private ProviderException(int status, String type, String title, String provider, String detail) {
        super(status, type, title, detail);
        this.provider = provider;
        with("provider", provider);
    }

    /** The carrier refused the request: 502 with its message. */
    public static ProviderException error(String provider, String detail) {
        return new ProviderException(502, "provider-error", "Provider error", provider, detail);
    }

    /** The carrier did not answer within the configured timeout: 504. */
    public static ProviderException timeout(String provider, String detail) {
        return new ProviderException(504, "provider-timeout", "Provider timeout", provider, detail);
    }

    /**
     * A failure of the HTTP exchange itself (no answer to map): a timeout anywhere in the cause chain is a 504,
     * anything else a 502 naming the root cause. The API key is masked in case a library echoed a header.
     *
     * @param carrier the carrier's name as people read it ("Telnyx", "Africa's Talking")
     */
    public static ProviderException ofFailure(String provider, String carrier, Throwable failure, String what,
                                              int timeoutSeconds, String apiKey) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ProviderException p) {
                return p;
            }
        }
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof InterruptedIOException || c instanceof HttpTimeoutException
                    || c instanceof TimeoutException) {
                return timeout(provider, carrier + " did not answer the " + what + " request within "
                        + timeoutSeconds + " s");
            }
        }
        String reason = Failures.rootReason(failure);
        if (apiKey != null && !apiKey.isEmpty()) {
            reason = reason.replace(apiKey, "***");
        }
        return error(provider, carrier + " could not be reached for the " + what + " request (" + reason + ")");
    }

    public String provider() {
        return provider;
    }

    public boolean isTimeout() {
        return status() == 504;
    }

    /** The hangup cause of a call this failure kept from starting. */
    public String hangupCause() {
        return isTimeout() ? HangupCauses.PROVIDER_TIMEOUT : HangupCauses.PROVIDER_ERROR;
    }
}
