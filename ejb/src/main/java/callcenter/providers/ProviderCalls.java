package callcenter.providers;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Times every request to a carrier's REST API into the {@value #METER} timer, tagged with the provider, the
 * operation and the outcome ({@code ok}, {@code error}, {@code timeout}), so that one dashboard covers every carrier.
 * Each provider client wraps its HTTP exchanges in {@link #time}; the outcome follows {@link ProviderException}.
 */
@ApplicationScoped
public class ProviderCalls {

    /** Prometheus: {@code callcenter_provider_requests_seconds_{count,sum,max}}. */
    public static final String METER = "callcenter.provider.requests";

    public static final String OK = "ok";
    public static final String ERROR = "error";
    public static final String TIMEOUT = "timeout";

    @Inject
    MeterRegistry registry;

    public ProviderCalls() {
    }

    ProviderCalls(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs {@code request} and records its duration and outcome; whatever it throws is rethrown unchanged. */
    public <T> T time(String provider, String operation, Supplier<T> request) {
        long start = System.nanoTime();
        String outcome = ERROR;
        try {
            T result = request.get();
            outcome = OK;
            return result;
        } catch (ProviderException e) {
            outcome = e.isTimeout() ? TIMEOUT : ERROR;
            throw e;
        } finally {
            // registry.timer(...), not Timer.builder(...).register(registry): WildFly 39's per-deployment registry
            // forwards only these methods to the exported registry.
            registry.timer(METER, Tags.of("provider", provider, "operation", operation, "outcome", outcome))
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
