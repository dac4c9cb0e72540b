package callcenter.idempotency.boundary;

import callcenter.common.CallCenterException;

/** The shape of an {@code Idempotency-Key} header: 1 to 255 visible ASCII characters. */
public final class IdempotencyKeys {

    static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    /** The key without surrounding blanks; null when the header was absent; a 400 when it is malformed. */
    public static String check(String key) {
        if (key == null) {
            return null;
        }
        String trimmed = key.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH || !trimmed.chars().allMatch(c -> c > 32 && c < 127)) {
            throw CallCenterException.invalid("Idempotency-Key", "must be 1 to " + MAX_LENGTH
                    + " visible ASCII characters");
        }
        return trimmed;
    }
}
