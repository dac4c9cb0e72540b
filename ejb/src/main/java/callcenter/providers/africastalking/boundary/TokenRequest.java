package callcenter.providers.africastalking.boundary;

/**
 * A capability-token request, as bound and checked by the web layer; every field is optional: the caller's own
 * client name, the first of AT_PHONE_NUMBERS, both directions, and the longest lifetime AT grants.
 */
public record TokenRequest(String clientName, String phoneNumber, Boolean incoming, Boolean outgoing,
                           Integer lifeTimeSec) {

    /** AT: "without space characters"; ours are usernames with everything outside [A-Za-z0-9_] replaced. */
    public static final String CLIENT_NAME = "[A-Za-z0-9_]{1,64}";
}
