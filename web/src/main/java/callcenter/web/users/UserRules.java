package callcenter.web.users;

/** The input rules of api.md section 2, shared by the request records. */
final class UserRules {
    static final String USERNAME = "[A-Za-z0-9_.-]{3,64}";
    static final String USERNAME_MESSAGE = "must be 3 to 64 characters of A-Z, a-z, 0-9, _, . and -";
    /**
     * 8 to 256 characters as a person counts them: a regular expression's {@code .} takes a whole code point, where
     * {@code @Size} counts UTF-16 units and took four emoji (eight units) for eight characters.
     */
    static final String PASSWORD = "(?s).{8,256}";
    static final String PASSWORD_MESSAGE = "must be 8 to 256 characters";
    static final String ROLE = "admin|supervisor|agent";
    static final String ROLE_MESSAGE = "must be admin, supervisor or agent";
    static final String NOT_BLANK = "(?s).*\\S.*";
    /** A SIP user becomes {@code sip:<user>@sip.telnyx.com}: nothing that could name another host or add a target. */
    static final String SIP_USERNAME = "[A-Za-z0-9._-]{1,64}";
    static final String SIP_USERNAME_MESSAGE = "must be 1 to 64 characters of A-Z, a-z, 0-9, _, . and -";
    /** A Telnyx credential id goes into the path of a Telnyx API URL. */
    static final String CREDENTIAL_ID = "[A-Za-z0-9._:-]{1,128}";
    static final String CREDENTIAL_ID_MESSAGE = "must be 1 to 128 characters of A-Z, a-z, 0-9, _, ., : and -";

    private UserRules() {
    }
}
