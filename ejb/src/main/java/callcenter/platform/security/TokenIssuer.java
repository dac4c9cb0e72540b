package callcenter.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;

import callcenter.common.JsonP;
import callcenter.common.Roles;
import callcenter.config.SigningKeys;

/**
 * Issues the RS256 JWTs that MicroProfile JWT verifies: {@code iss}, {@code sub} (the principal's id),
 * {@code upn}, {@code groups} (one role), {@code iat}, {@code exp}, {@code jti}; a user token also {@value #GENERATION}
 * (the user's token generation when it was issued: an older one is revoked) and a client token {@value #SCOPE}.
 * Signed with the JDK; the key comes from {@link SigningKeys}.
 */
@ApplicationScoped
public class TokenIssuer {

    /** A signed token and when it expires. */
    public record IssuedToken(String token, Instant expiresAt) {
        public long expiresInSeconds(Instant now) {
            return Math.max(0, expiresAt.getEpochSecond() - now.getEpochSecond());
        }
    }

    /** Claim: the user's token generation at issue (see {@code users.token_generation}). */
    public static final String GENERATION = "gen";
    /** Claim: an API client's scope, {@code app} or {@code integrator}. */
    public static final String SCOPE = "scope";

    private final PrivateKey key;
    private final String keyId;

    public TokenIssuer() {
        this(SigningKeys.get().privateKey(), SigningKeys.get().keyId());
    }

    /** For unit tests, with a key of their own. */
    public TokenIssuer(PrivateKey key, String keyId) {
        this.key = key;
        this.keyId = keyId;
    }

    public IssuedToken user(UUID userId, String username, String role, long generation, Instant now, long ttlSeconds) {
        if (!Roles.isUserRole(role)) {
            throw new IllegalArgumentException("not a user role: " + role);
        }
        return sign(userId.toString(), username, role, now, now.plusSeconds(ttlSeconds),
                JsonP.createObjectBuilder().add(GENERATION, generation));
    }

    public IssuedToken client(UUID clientRowId, String clientId, String scope, Instant now, long ttlSeconds) {
        return sign(clientRowId.toString(), clientId, Roles.CLIENT, now, now.plusSeconds(ttlSeconds),
                JsonP.createObjectBuilder().add(SCOPE, scope));
    }

    /** A callerToken: lets its holder join one call's signalling and end that call, nothing else. */
    public IssuedToken caller(UUID callId, Instant now, Instant expiresAt) {
        return sign(callId.toString(), "caller:" + callId, Roles.CALLER, now, expiresAt, JsonP.createObjectBuilder());
    }

    private IssuedToken sign(String subject, String upn, String role, Instant now, Instant expiresAt,
                             JsonObjectBuilder extra) {
        JsonObjectBuilder header = JsonP.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").add("kid", keyId);
        JsonObjectBuilder claims = JsonP.createObjectBuilder()
                .add("iss", SigningKeys.ISSUER)
                .add("sub", subject)
                .add("upn", upn)
                .add("groups", JsonP.createArrayBuilder().add(role))
                .add("iat", now.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .addAll(extra);
        String signingInput = base64(header.build().toString()) + "." + base64(claims.build().toString());
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return new IssuedToken(signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign()),
                    expiresAt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
