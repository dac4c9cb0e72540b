package callcenter.web;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import callcenter.common.Actor;
import callcenter.common.Roles;
import callcenter.platform.security.TokenIssuer;

/**
 * What a verified token says, read the same way by the REST filters and the WebSocket: its one role, its subject,
 * and the claims {@link TokenIssuer} adds (a user's token generation, a client's scope). Anything malformed reads as
 * null, and the caller refuses the token.
 *
 * @param subject    the token's {@code sub} as a UUID, or null
 * @param role       its one role, or null when it carries none or several
 * @param generation a user token's {@code gen}, or null
 * @param scope      a client token's {@code scope}, or null
 * @param expiresAt  its {@code exp}
 */
public record TokenClaims(UUID subject, String name, String role, Long generation, String scope, Instant expiresAt) {

    public static TokenClaims of(JsonWebToken jwt) {
        Set<String> groups = jwt.getGroups();
        String role = groups == null || groups.size() != 1 ? null : groups.iterator().next();
        return new TokenClaims(uuid(jwt.getSubject()), jwt.getName(), role, number(jwt.getClaim(TokenIssuer.GENERATION)),
                text(jwt.getClaim(TokenIssuer.SCOPE)), Instant.ofEpochSecond(jwt.getExpirationTime()));
    }

    public boolean isCaller() {
        return Roles.CALLER.equals(role);
    }

    /** Who acts with this token; a caller token's subject is its call. */
    public Actor actor() {
        return new Actor(subject, name, role, isCaller() ? subject : null, Roles.CLIENT.equals(role) ? scope : null);
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // SmallRye JWT hands custom claims out as JSON-P values; a parser of another make may hand out plain ones.
    private static Long number(Object claim) {
        if (claim instanceof JsonNumber json && json.isIntegral()) {
            return json.longValue();
        }
        return claim instanceof Long || claim instanceof Integer ? ((Number) claim).longValue() : null;
    }

    private static String text(Object claim) {
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim instanceof String plain ? plain : null;
    }
}
