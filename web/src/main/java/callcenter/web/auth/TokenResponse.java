package callcenter.web.auth;

/** The OAuth 2.0 token response (RFC 6749 section 5.1), in OAuth's own snake_case names. */
public record TokenResponse(String access_token, String token_type, long expires_in) {
}
