package callcenter.common;

import java.util.UUID;

/**
 * Who is making a request, taken from the verified token and passed explicitly into boundaries (never read from
 * what a client sends in a body).
 *
 * @param id       the user id, the API client's id, or for a caller the call id
 * @param name     username, client id, or "caller"
 * @param role     one of {@link Roles}
 * @param callId   for a caller token: the one call it may touch; otherwise null
 * @param scope    for an API client: {@link Roles#SCOPE_APP} or {@link Roles#SCOPE_INTEGRATOR}; otherwise null
 */
public record Actor(UUID id, String name, String role, UUID callId, String scope) {

    public Actor(UUID id, String name, String role, UUID callId) {
        this(id, name, role, callId, null);
    }

    public static Actor user(UUID id, String username, String role) {
        return new Actor(id, username, role, null);
    }

    public boolean isUser() {
        return Roles.isUserRole(role);
    }

    public boolean isClient() {
        return Roles.CLIENT.equals(role);
    }

    /**
     * May this principal use the carriers' call endpoints (outbound, commands, make-call)? Users may; an API client
     * only with scope integrator, so that the credentials inside a caller's mobile app cannot dial anywhere.
     */
    public boolean mayDial() {
        return isUser() || (isClient() && Roles.SCOPE_INTEGRATOR.equals(scope));
    }

    public boolean isCaller() {
        return Roles.CALLER.equals(role);
    }

    /** Supervisors and admins see and may act on every call. */
    public boolean seesAll() {
        return Roles.ADMIN.equals(role) || Roles.SUPERVISOR.equals(role);
    }

    /** The principal that scopes idempotency keys: {@code user:<id>} or {@code client:<id>}. */
    public String principalKey() {
        return (isClient() ? "client:" : isCaller() ? "caller:" : "user:") + id;
    }
}
