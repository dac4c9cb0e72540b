package callcenter.web;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import callcenter.web.africastalking.AfricasTalkingWebhookResource;
import callcenter.web.africastalking.CallbackSecretFilter;
import callcenter.web.telnyx.TelnyxWebhookResource;

/** Carrier webhooks under {@code /webhooks}: authenticated by the carrier's signature or secret, not by a JWT. */
@ApplicationPath("webhooks")
public class WebhooksApplication extends Application {

    static final Set<Class<?>> RESOURCES = Set.of(AfricasTalkingWebhookResource.class,
            TelnyxWebhookResource.class);

    /** Only the webhooks check a carrier's secret before the request is matched. */
    static final Set<Class<?>> WEBHOOK_PROVIDERS = Set.of(CallbackSecretFilter.class);

    @Override
    public Set<Class<?>> getClasses() {
        return RestApplication.union(RestApplication.union(RestApplication.PROVIDERS, WEBHOOK_PROVIDERS), RESOURCES);
    }
}
