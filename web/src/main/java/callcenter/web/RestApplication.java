package callcenter.web;

import java.util.Set;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import callcenter.common.Roles;
import callcenter.web.africastalking.AfricasTalkingResource;
import callcenter.web.auth.AuthResource;
import callcenter.web.auth.TokenStillValidFilter;
import callcenter.web.calls.CallerTokenFilter;
import callcenter.web.calls.CallsResource;
import callcenter.web.json.RequestRecordReader;
import callcenter.web.json.SharedJsonb;
import callcenter.web.queues.QueuesResource;
import callcenter.web.sms.SmsResource;
import callcenter.web.stats.StatsResource;
import callcenter.web.telnyx.TelnyxResource;
import callcenter.web.users.ClientsResource;
import callcenter.web.users.UsersResource;
import callcenter.web.webrtc.WebRtcResource;

/**
 * The REST API under {@code /api}. The REST resources are split over three applications ({@code /api},
 * {@code /webhooks}, {@code /health}) so that the pages at {@code /} stay with the default servlet; each lists its
 * classes explicitly, so a resource is reachable under exactly one tree ({@code RestApplicationsTest} checks).
 */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@SecurityScheme(securitySchemeName = RestApplication.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A login, client-credentials or caller token (api.md section 2)")
@DeclareRoles({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.CLIENT, Roles.CALLER})
public class RestApplication extends Application {

    /** The OpenAPI document's name of the bearer tokens every /api path but login and the token endpoint needs. */
    public static final String BEARER = "bearer";

    /** Providers every application uses: the one way to fail, body limits, identity, one JSON-B. */
    static final Set<Class<?>> PROVIDERS = Set.of(ProblemMapper.class, ValidationProblemMapper.class,
            BodyLimitFilter.class, CharsetFilter.class, UriTextFilter.class, RequestRecordReader.class,
            SharedJsonb.class, FormReader.class);

    /** The resources under /api. */
    static final Set<Class<?>> RESOURCES = Set.of(AuthResource.class, UsersResource.class, ClientsResource.class,
            CallsResource.class, AfricasTalkingResource.class, StatsResource.class, WebRtcResource.class,
            TelnyxResource.class, SmsResource.class, QueuesResource.class);

    /**
     * Only /api takes bearer tokens: refuse those of disabled users and deleted clients, and callerTokens of calls
     * that ended more than an hour ago.
     */
    static final Set<Class<?>> API_PROVIDERS = Set.of(TokenStillValidFilter.class, CallerTokenFilter.class);

    @Override
    public Set<Class<?>> getClasses() {
        return union(union(PROVIDERS, API_PROVIDERS), RESOURCES);
    }

    static Set<Class<?>> union(Set<Class<?>> a, Set<Class<?>> b) {
        var all = new java.util.HashSet<Class<?>>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
