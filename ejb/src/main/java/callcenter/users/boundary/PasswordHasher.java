package callcenter.users.boundary;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import callcenter.users.control.Argon2id;

/**
 * Slow salted password hashes: Argon2id at one of OWASP's recommended costs (12 MiB, 3 passes, 1 lane), written as
 * the PHC string {@code $argon2id$v=19$m=12288,t=3,p=1$<salt>$<hash>} that carries its own parameters. Hashes of the
 * earlier format {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (PBKDF2-HMAC-SHA256) keep verifying;
 * {@link #needsRehash} tells which stored hashes to replace at the user's next login.
 *
 * <p>A hash takes tens of milliseconds of one core: callers make it outside any transaction (it would hold a
 * database connection that long), and at most as many run at once as there are cores ({@link Argon2id}).
 */
@ApplicationScoped
public class PasswordHasher {

    /**
     * OWASP Password Storage Cheat Sheet, Argon2id: one of its rows of equal strength (m=47104 t=1, m=19456 t=2,
     * m=12288 t=3, m=9216 t=4, m=7168 t=5, each p=1). This one cost 30 % less CPU than m=19456 t=2 here, measured
     * side by side (37-39 against 52-56 ms on a shared 2-core machine; the same number of block passes, the smaller
     * memory kinder to the caches), and keeps 12 MiB per core on the heap instead of 19.
     */
    public static final Argon2id.Cost COST = new Argon2id.Cost(12_288, 3, 1);
    static final String ARGON2ID = "argon2id";
    static final String PBKDF2 = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Bounds on what a stored hash may ask for, so that a corrupted row cannot make a login allocate gigabytes. */
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 64;
    private static final int MAX_PARALLELISM = 16;
    private static final int MAX_PBKDF2_ITERATIONS = 10_000_000;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,86})\\$([A-Za-z0-9+/]{22,86})");
    private static final Pattern LEGACY = Pattern.compile(
            "pbkdf2-sha256\\$(\\d{1,8})\\$([A-Za-z0-9+/]+={0,2})\\$([A-Za-z0-9+/]+={0,2})");

    private final Argon2id.Cost cost;
    private final Argon2id argon2;
    /** A hash of nothing anyone knows, verified against when there is no user, so that costs the same time. */
    private volatile String dummy;

    public PasswordHasher() {
        this(COST, Runtime.getRuntime().availableProcessors());
    }

    /** For unit tests: a cheaper cost, same format. */
    public PasswordHasher(Argon2id.Cost cost, int concurrency) {
        this.cost = cost;
        this.argon2 = new Argon2id(concurrency, cost);
    }

    public Argon2id.Cost cost() {
        return cost;
    }

    public String hash(String password) {
        byte[] salt = salt();
        byte[] bytes = utf8(password);
        try {
            return encode(cost, salt, argon2.hash(bytes, salt, cost, HASH_BYTES));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Whether the password matches the encoded hash; a malformed hash matches nothing. Constant time in the hash. */
    public boolean verify(String password, String encoded) {
        Stored stored = Stored.parse(encoded);
        if (stored == null || password == null) {
            return false;
        }
        return MessageDigest.isEqual(stored.derive(password, this), stored.hash());
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

    /**
     * True when the hash should be replaced by one of today's: malformed, of the older algorithm, or of a lower
     * Argon2 cost or shorter output. A hash of a higher cost is kept.
     */
    public boolean needsRehash(String encoded) {
        return !(Stored.parse(encoded) instanceof Argon2Hash a) || !a.cost().atLeast(cost)
                || a.hash().length < HASH_BYTES || a.salt().length < SALT_BYTES;
    }

    static String encode(Argon2id.Cost cost, byte[] salt, byte[] hash) {
        return "$" + ARGON2ID + "$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + b64(salt) + "$" + b64(hash);
    }

    /** A stored hash, parsed; null when it is of no known form or out of bounds. */
    sealed interface Stored permits Argon2Hash, Pbkdf2Hash {

        byte[] hash();

        byte[] derive(String password, PasswordHasher hasher);

        static Stored parse(String encoded) {
            if (encoded == null) {
                return null;
            }
            try {
                Matcher m = PHC.matcher(encoded);
                if (m.matches()) {
                    int memory = Integer.parseInt(m.group(1));
                    int iterations = Integer.parseInt(m.group(2));
                    int parallelism = Integer.parseInt(m.group(3));
                    if (memory > MAX_MEMORY_KIB || iterations > MAX_ITERATIONS || parallelism > MAX_PARALLELISM
                            || iterations < 1 || parallelism < 1 || memory < 8 * parallelism) {
                        return null;
                    }
                    return new Argon2Hash(new Argon2id.Cost(memory, iterations, parallelism), unb64(m.group(4)),
                            unb64(m.group(5)));
                }
                m = LEGACY.matcher(encoded);
                if (m.matches()) {
                    int iterations = Integer.parseInt(m.group(1));
                    byte[] salt = unb64(m.group(2));
                    byte[] hash = unb64(m.group(3));
                    if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS || salt.length == 0 || hash.length == 0
                            || hash.length > 64) {
                        return null;
                    }
                    return new Pbkdf2Hash(iterations, salt, hash);
                }
            } catch (IllegalArgumentException e) {
                // Not Base64 of whole bytes (a length of 4n+1 characters): malformed.
            }
            return null;
        }
    }

    record Argon2Hash(Argon2id.Cost cost, byte[] salt, byte[] hash) implements Stored {
        @Override
        public byte[] derive(String password, PasswordHasher hasher) {
            byte[] bytes = utf8(password);
            try {
                return hasher.argon2.hash(bytes, salt, cost, hash.length);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    /** The format before Argon2id (PBKDF2-HMAC-SHA256), verified until its user logs in once more. */
    record Pbkdf2Hash(int iterations, byte[] salt, byte[] hash) implements Stored {
        @Override
        public byte[] derive(String password, PasswordHasher hasher) {
            char[] chars = password.toCharArray();
            PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, hash.length * 8);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
            } finally {
                spec.clearPassword();
                Arrays.fill(chars, '\0');
            }
        }
    }

    /** UTF-8 bytes without an intermediate String's copy left behind. */
    private static byte[] utf8(String password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }

    private static byte[] salt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return salt;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unb64(String text) {
        return Base64.getDecoder().decode(text);
    }
}
