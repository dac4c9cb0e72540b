package callcenter.web.users;

/** The input rules of api.md section 2, shared by the request records. */
final class UserRules {
    static final String USERNAME = "[A-Za-z0-9_.-]{3,64}";
    static final String USERNAME_MESSAGE = "must be 3 to 64 characters of A-Z, a-z, 0-9, _, . and -";
    static final String PASSWORD_MESSAGE = "must be 8 to 256 characters";
    static final String ROLE = "admin|supervisor|agent";
    static final String ROLE_MESSAGE = "must be admin, supervisor or agent";
    static final String NOT_BLANK = "(?s).*\\S.*";

    private UserRules() {
    }
}
