package callcenter.auth.boundary;

import java.time.Instant;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import callcenter.common.Times;
import callcenter.platform.Settings;
import callcenter.platform.security.TokenIssuer;
import callcenter.users.boundary.ClientService;
import callcenter.users.entity.ApiClient;

/** OAuth 2.0 client credentials ({@code POST /api/auth/token}): an API client's secret exchanged for a token. */
@Stateless
public class ClientCredentials {

    /** A client-credentials token and its lifetime from now. */
    public record Grant(String accessToken, long expiresInSeconds) {
    }

    @Inject
    ClientService clients;

    @Inject
    TokenIssuer issuer;

    @Inject
    Settings settings;

    /** A token with role {@code client}; a wrong, unknown or deleted client is one and the same 401. */
    public Grant token(String clientId, String clientSecret) {
        ApiClient client = clients.authenticate(clientId, clientSecret);
        Instant now = Times.now();
        TokenIssuer.IssuedToken token = issuer.client(client.id(), client.clientId(), client.scope(), now,
                settings.tokenTtlMinutes() * 60L);
        return new Grant(token.token(), token.expiresInSeconds(now));
    }
}
