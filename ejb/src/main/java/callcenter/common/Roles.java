package callcenter.common;

import java.util.List;

/** The roles carried in a token's {@code groups} claim. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String SUPERVISOR = "supervisor";
    public static final String AGENT = "agent";
    /** An API client (integrator or the caller mobile app) authenticated with client credentials. */
    public static final String CLIENT = "client";
    /** The holder of a callerToken: may only join its own call's signalling and end that call. */
    public static final String CALLER = "caller";
    /** The roles of the users who take calls: every one of them is in the agents list. */
    public static final List<String> TAKING_CALLS = List.of(AGENT, SUPERVISOR, ADMIN);

    /** API client scope (api.md v7): initiate calls, read and end the calls it started. The default. */
    public static final String SCOPE_APP = "app";
    /** API client scope: also the carriers' call endpoints, for the calls it started. */
    public static final String SCOPE_INTEGRATOR = "integrator";

    private Roles() {
    }

    public static boolean isClientScope(String scope) {
        return SCOPE_APP.equals(scope) || SCOPE_INTEGRATOR.equals(scope);
    }

    public static boolean isUserRole(String role) {
        return ADMIN.equals(role) || SUPERVISOR.equals(role) || AGENT.equals(role);
    }
}
