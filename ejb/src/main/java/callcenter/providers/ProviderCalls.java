package callcenter.providers;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import callcenter.platform.Settings;

/**
 * Every request to a carrier's REST API: sent through MicroProfile REST Client with the provider timeout, its
 * failures translated into {@link ProviderException}, and timed into the {@value #METER} timer, tagged with the
 * provider, the operation and the outcome ({@code ok}, {@code error}, {@code timeout}), so that one dashboard covers
 * every carrier.
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

    @Inject
    Settings settings;

    public ProviderCalls() {
    }

    ProviderCalls(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * One request through a client of {@code api} at {@code base}, built for it with connect and read timeouts of
     * CALLCENTER_PROVIDER_TIMEOUT_SECONDS: an error answer is a 502 with the carrier's words ({@code errors}), no
     * answer in time a 504, an answer without a body a 502. {@code apiKey} is masked should a message echo it.
     *
     * @param what the request as a sentence names it ("dial", "capability token")
     */
    public <T extends AutoCloseable, R> R send(CarrierErrorMapper errors, URI base, Class<T> api, String operation,
                                               String what, String apiKey, Function<T, R> request) {
        return time(errors.provider(), operation, () -> {
            int timeout = settings.providerTimeoutSeconds();
            T client = RestClientBuilder.newBuilder()
                    .baseUri(base)
                    .connectTimeout(timeout, TimeUnit.SECONDS)
                    .readTimeout(timeout, TimeUnit.SECONDS)
                    .register(errors)
                    .build(api);
            try (client) {
                R answer = request.apply(client);
                if (answer == null) {
                    throw ProviderException.error(errors.provider(), errors.carrier() + " answered the " + what
                            + " request with no body");
                }
                return answer;
            } catch (ProviderException e) {
                throw e;
            } catch (Exception e) {
                throw ProviderException.ofFailure(errors.provider(), errors.carrier(), e, what, timeout, apiKey);
            }
        });
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
