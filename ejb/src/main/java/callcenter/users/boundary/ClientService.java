package callcenter.users.boundary;

import java.time.Instant;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.auth.control.TokenIssuer;
import callcenter.common.CallCenterException;
import callcenter.common.Times;
import callcenter.platform.Settings;
import callcenter.users.control.ClientSecrets;
import callcenter.users.entity.ApiClient;

/** API clients (integrators, the caller mobile app) and their OAuth client-credentials tokens. */
@Stateless
public class ClientService {

    /** A new client's credentials: the secret exists in clear only in this answer. */
    public record NewClient(String clientId, String clientSecret) {
    }

    /** A client-credentials token and its lifetime from now. */
    public record Grant(String accessToken, long expiresInSeconds) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenIssuer issuer;

    @Inject
    Settings settings;

    public NewClient create(String name) {
        String secret = ClientSecrets.newSecret();
        ApiClient client = new ApiClient(ClientSecrets.newClientId(), name.trim(), ClientSecrets.hash(secret), Times.now());
        em.persist(client);
        return new NewClient(client.clientId(), secret);
    }

    /** Deletes a client: its tokens fail from now on; the calls it started keep referring to it. */
    public void delete(String clientId) {
        ApiClient client = find(clientId);
        if (client == null) {
            throw CallCenterException.notFound("No API client " + clientId);
        }
        client.delete(Times.now());
    }

    /** The client with these credentials; a wrong, unknown or deleted one is one and the same 401. */
    public ApiClient authenticate(String clientId, String clientSecret) {
        ApiClient client = clientId == null ? null : find(clientId);
        boolean matches = ClientSecrets.matches(clientSecret, client == null ? null : client.secretHash());
        if (client == null || client.deleted() || !matches) {
            throw CallCenterException.unauthorized("Unknown client or wrong secret")
                    .with("error", "invalid_client");
        }
        return client;
    }

    /** OAuth 2.0 client credentials: a token with role {@code client}. */
    public Grant token(String clientId, String clientSecret) {
        ApiClient client = authenticate(clientId, clientSecret);
        Instant now = Times.now();
        TokenIssuer.IssuedToken token = issuer.client(client.id(), client.clientId(), now,
                settings.tokenTtlMinutes() * 60L);
        return new Grant(token.token(), token.expiresInSeconds(now));
    }

    private ApiClient find(String clientId) {
        return em.createQuery("SELECT c FROM ApiClient c WHERE c.clientId = :clientId", ApiClient.class)
                .setParameter("clientId", clientId)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }
}
