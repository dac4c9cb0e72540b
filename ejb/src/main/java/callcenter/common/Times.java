package callcenter.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The platform's clock: millisecond precision, so a stored timestamp reads back exactly as it was sent. */
public final class Times {
    private Times() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
