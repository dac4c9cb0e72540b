package callcenter.users.boundary;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Slow salted password hashes with the JDK's PBKDF2-HMAC-SHA256. The encoded form
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} carries its own parameters, so stored hashes keep verifying
 * after the iteration count is raised, and {@link #needsRehash} tells when to upgrade one (at the next login).
 */
@ApplicationScoped
public class PasswordHasher {

    static final String ALGORITHM = "pbkdf2-sha256";
    /** About 150 ms per hash on a 2-core server: slow for an attacker's guessing, bearable for a login. */
    public static final int ITERATIONS = 400_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    /** A hash of nothing anyone knows, verified against when there is no user, so that costs the same time. */
    private volatile String dummy;

    public PasswordHasher() {
        this(ITERATIONS);
    }

    /** For unit tests: fewer iterations, same format. */
    public PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
    }

    public String hash(String password) {
        byte[] salt = salt();
        return ALGORITHM + "$" + iterations + "$" + b64(salt) + "$" + b64(derive(password, salt, iterations, HASH_BITS));
    }

    /** Whether the password matches the encoded hash; a malformed hash matches nothing. Constant time in the hash. */
    public boolean verify(String password, String encoded) {
        Parsed parsed = Parsed.of(encoded);
        if (parsed == null || password == null) {
            return false;
        }
        byte[] actual = derive(password, parsed.salt, parsed.iterations, parsed.hash.length * 8);
        return MessageDigest.isEqual(actual, parsed.hash);
    }

    /** Spends the time of a verification and answers false: for a login of a user that does not exist. */
    public boolean verifyNothing(String password) {
        String target = dummy;
        if (target == null) {
            target = hash(Base64.getEncoder().encodeToString(salt()));
            dummy = target;
        }
        verify(password == null ? "" : password, target);
        return false;
    }

    /** True when the hash was made with weaker parameters than this hasher's and should be replaced. */
    public boolean needsRehash(String encoded) {
        Parsed parsed = Parsed.of(encoded);
        return parsed == null || parsed.iterations < iterations || parsed.hash.length * 8 < HASH_BITS;
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int bits) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    private static byte[] salt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return salt;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
        static Parsed of(String encoded) {
            if (encoded == null) {
                return null;
            }
            String[] parts = encoded.split("\\$");
            if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
                return null;
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2].getBytes(StandardCharsets.US_ASCII));
                byte[] hash = Base64.getDecoder().decode(parts[3].getBytes(StandardCharsets.US_ASCII));
                if (iterations < 1 || salt.length == 0 || hash.length == 0) {
                    return null;
                }
                return new Parsed(iterations, salt, hash);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
