package callcenter.users.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Client ids and secrets of API clients. A secret is 256 random bits, so a single SHA-256 is enough to store it:
 * nobody can guess such a secret from its hash, and the token endpoint stays cheap (no CPU to burn by flooding it),
 * unlike a password, which needs {@link PasswordHasher}.
 */
public final class ClientSecrets {

    private static final String PREFIX = "sha256$";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientSecrets() {
    }

    public static String newClientId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "client_" + HexFormat.of().formatHex(bytes);
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(sha256(secret));
    }

    /** Constant-time comparison of a presented secret with a stored hash. */
    public static boolean matches(String secret, String stored) {
        if (secret == null || stored == null || !stored.startsWith(PREFIX)) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(secret), expected);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
