package callcenter.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while this node's own probes come back through the topic (see {@link FanOutProbe}). */
@Readiness
@ApplicationScoped
public class FanOutCheck implements HealthCheck {

    @Inject
    FanOutProbe probe;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("fan-out").status(probe.flowing())
                .withData("lastProbeMillisAgo", probe.millisSinceEcho()).build();
    }
}
