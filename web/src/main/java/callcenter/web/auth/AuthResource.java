package callcenter.web.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import callcenter.auth.boundary.ClientCredentials;
import callcenter.auth.boundary.LoginService;
import callcenter.common.Actor;
import callcenter.common.CallCenterException;
import callcenter.common.Roles;
import callcenter.platform.Settings;
import callcenter.web.RestApplication;

/** The ways to get a token: a user's login and OAuth 2.0 client credentials (both public), and a user's refresh. */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    LoginService logins;

    @Inject
    ClientCredentials clients;

    @Inject
    Settings settings;

    /** Resolved only in {@link #refresh}: the producer refuses a request without a token, and login is public. */
    @Inject
    Instance<Actor> caller;

    @Context
    HttpServletRequest http;

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(@Valid @NotNull LoginRequest request) {
        String address = ClientAddress.of(http.getRemoteAddr(), http.getHeader("X-Forwarded-For"),
                settings.trustedProxies());
        LoginResponse body = LoginResponse.of(logins.login(request.username(), request.password(), address));
        return Response.ok(body).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /**
     * A new token for the signed-in user, answered as a login is (api.md section 8): the dashboard calls it before its
     * token expires. Only users' tokens: a client asks {@code /auth/token} again, a caller's token lives with its call.
     */
    @POST
    @Path("refresh")
    @SecurityRequirement(name = RestApplication.BEARER)
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
    public Response refresh() {
        LoginResponse body = LoginResponse.of(logins.refresh(caller.get().id()));
        return Response.ok(body).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** Client credentials in the form body or as HTTP Basic (RFC 6749 sections 2.3.1 and 4.4). */
    @POST
    @Path("token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(MultivaluedMap<String, String> form,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String grantType = single(form, "grant_type");
        if (grantType == null) {
            throw oauth(CallCenterException.invalid("grant_type", "is required: client_credentials"), "invalid_request");
        }
        if (!grantType.equals("client_credentials")) {
            throw oauth(new CallCenterException(400, "unsupported-grant-type", "Unsupported grant type",
                    "Only grant_type=client_credentials is supported"), "unsupported_grant_type");
        }
        String clientId = single(form, "client_id");
        String clientSecret = single(form, "client_secret");
        String[] basic = basic(authorization);
        if (basic != null) {
            if (clientSecret != null) {
                throw oauth(CallCenterException.badRequest("Send the client credentials either as HTTP Basic or in "
                        + "the form, not both"), "invalid_request");
            }
            clientId = basic[0];
            clientSecret = basic[1];
        }
        ClientCredentials.Grant grant = clients.token(clientId, clientSecret);
        return Response.ok(new TokenResponse(grant.accessToken(), "Bearer", grant.expiresInSeconds()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private static String single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form == null ? null : form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw oauth(CallCenterException.invalid(name, "must be sent once"), "invalid_request");
        }
        String value = values.get(0);
        return value == null || value.isEmpty() ? null : value;
    }

    /** {@code Basic base64(urlencode(id) ":" urlencode(secret))}, or null when the header is not Basic. */
    static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw oauth(CallCenterException.unauthorized("The Basic credentials are not valid base64"), "invalid_client");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw oauth(CallCenterException.unauthorized("The Basic credentials are not client_id:client_secret"),
                    "invalid_client");
        }
        try {
            return new String[]{URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw oauth(CallCenterException.unauthorized("The Basic credentials are not form-encoded"), "invalid_client");
        }
    }

    /** Adds OAuth's own {@code error} code to the problem, for OAuth client libraries. */
    private static CallCenterException oauth(CallCenterException problem, String error) {
        return problem.with("error", error);
    }
}
