package callcenter.providers.telnyx.control;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;


/**
 * Shows whether Telnyx is configured. A missing setting is not an outage of this server (its Telnyx endpoints answer
 * 503 naming the setting, everything else works), so the check stays UP and says "not configured".
 */
@Readiness
@ApplicationScoped
public class TelnyxCheck implements HealthCheck {

    @Inject
    TelnyxSettings telnyx;

    @Override
    public HealthCheckResponse call() {
        List<String> missing = telnyx.missingEssentials();
        var response = HealthCheckResponse.named("telnyx").up();
        if (missing.isEmpty()) {
            return response.withData("status", "configured").build();
        }
        return response.withData("status", "not configured").withData("missing", String.join(",", missing)).build();
    }
}
