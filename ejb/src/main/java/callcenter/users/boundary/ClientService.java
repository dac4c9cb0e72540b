package callcenter.users.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.common.CallCenterException;
import callcenter.common.Roles;
import callcenter.common.Times;
import callcenter.users.control.ClientSecrets;
import callcenter.users.entity.ApiClient;

/** API clients (integrators, the caller mobile app): created and deleted by admins, authenticated by their secret. */
@Stateless
public class ClientService {

    /** A new client's credentials: the secret exists in clear only in this answer. */
    public record NewClient(String clientId, String clientSecret, String scope) {
    }

    @PersistenceContext
    EntityManager em;

    /** @param scope {@code app} or {@code integrator} (api.md v7); null is {@code app}, anything else a 400 */
    public NewClient create(String name, String scope) {
        String granted = scope == null ? Roles.SCOPE_APP : scope;
        if (!Roles.isClientScope(granted)) {
            throw CallCenterException.invalid("scope", "must be app or integrator");
        }
        String secret = ClientSecrets.newSecret();
        ApiClient client = new ApiClient(ClientSecrets.newClientId(), name.trim(), granted, ClientSecrets.hash(secret),
                Times.now());
        em.persist(client);
        return new NewClient(client.clientId(), secret, granted);
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

    private ApiClient find(String clientId) {
        return em.createQuery("SELECT c FROM ApiClient c WHERE c.clientId = :clientId", ApiClient.class)
                .setParameter("clientId", clientId)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }
}
