package callcenter.web;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import callcenter.web.health.HealthResource;

/** Liveness and readiness under {@code /health} on the main port, public for load balancers. */
@ApplicationPath("health")
public class HealthApplication extends Application {

    static final Set<Class<?>> RESOURCES = Set.of(HealthResource.class);

    @Override
    public Set<Class<?>> getClasses() {
        return RestApplication.union(RestApplication.PROVIDERS, RESOURCES);
    }
}
