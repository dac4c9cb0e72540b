package callcenter.providers;

import jakarta.ejb.ApplicationException;

import callcenter.common.CallCenterException;

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

    public String provider() {
        return provider;
    }

    public boolean isTimeout() {
        return status() == 504;
    }
}
