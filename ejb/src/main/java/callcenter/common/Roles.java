package callcenter.common;

/** The roles carried in a token's {@code groups} claim. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String SUPERVISOR = "supervisor";
    public static final String AGENT = "agent";
    /** An API client (integrator or the caller mobile app) authenticated with client credentials. */
    public static final String CLIENT = "client";
    /** The holder of a callerToken: may only join its own call's signalling and end that call. */
    public static final String CALLER = "caller";

    private Roles() {
    }

    public static boolean isUserRole(String role) {
        return ADMIN.equals(role) || SUPERVISOR.equals(role) || AGENT.equals(role);
    }
}
