package callcenter.users.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import callcenter.users.control.Argon2id;

class PasswordHasherTest {

    /** Cheap enough for unit tests; the format and the code paths are the production ones. */
    private static final Argon2id.Cost CHEAP = new Argon2id.Cost(256, 2, 1);
    private final PasswordHasher hasher = new PasswordHasher(CHEAP, 2);

    /**
     * Made by the reference implementation of Argon2 (the {@code argon2} command of Debian's package), e.g.
     * {@code echo -n "correct horse battery staple" | argon2 "callcenter-salt!" -id -t 2 -m 10 -p 1 -l 32 -e}.
     */
    private static final String[][] REFERENCE = {
            {"correct horse battery staple",
                    "$argon2id$v=19$m=1024,t=2,p=1$Y2FsbGNlbnRlci1zYWx0IQ$zu3ck0JytnQhM/157m4T3Nsqg72vefr30NYWE3MraSU"},
            {"pässwörd ✓",
                    "$argon2id$v=19$m=12288,t=3,p=1$YW5vdGhlci1zYWx0LTEyMw$xNNUeJ4gSHLHkw/3glQNbQIXYXxdA5KwR4WpuHFnjeg"},
            {"two lanes", "$argon2id$v=19$m=1024,t=1,p=2$c2FsdHNhbHRzYWx0$3jl8l/Xx8IhCGPLl97sLFB16nx6DPCrudTkYD7qtjhs"},
    };

    /** Made by the PBKDF2 hasher this one replaced ({@code new PasswordHasher(1000).hash("legacy password")}). */
    private static final String LEGACY = "pbkdf2-sha256$1000$zqNEZ0bclEgdV3m0mSow2Q$bBbjJf9EFEWfVOtWZlbNSfOmzkWr5ocnq2RgzhRNkHs";
    /** The same, at the 400,000 iterations every user created before Argon2id has. */
    private static final String LEGACY_400K =
            "pbkdf2-sha256$400000$4zI8oe4khYhKLW3hdRRjnw$lYxKraJOC6+s+rJEJeKWfPYRvg6eAtWQapQK/nuDIzw";

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse");
        assertTrue(hasher.verify("correct horse", hash));
        assertFalse(hasher.verify("correct horsE", hash));
        assertFalse(hasher.verify("correct horse ", hash));
        assertFalse(hasher.verify("", hash));
        assertFalse(hasher.verify(null, hash));
    }

    @Test
    void agreesWithTheReferenceImplementation() {
        for (String[] vector : REFERENCE) {
            assertTrue(hasher.verify(vector[0], vector[1]), vector[1]);
            assertFalse(hasher.verify(vector[0] + "x", vector[1]), vector[1]);
        }
    }

    @Test
    void olderPbkdf2HashesStillVerify() {
        assertTrue(hasher.verify("legacy password", LEGACY));
        assertFalse(hasher.verify("legacy passworD", LEGACY));
        assertTrue(hasher.verify("legacy password", LEGACY_400K));
        assertFalse(hasher.verify("Legacy password", LEGACY_400K));
    }

    @Test
    void encodedFormIsAPhcStringWithItsParametersAndNeverThePassword() {
        String hash = hasher.hash("visible?");
        assertTrue(hash.matches("\\$argon2id\\$v=19\\$m=256,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), hash);
        assertFalse(hash.contains("visible?"));
        PasswordHasher.Argon2Hash parsed = assertInstanceOf(PasswordHasher.Argon2Hash.class, PasswordHasher.Stored.parse(hash));
        assertEquals(CHEAP, parsed.cost());
        assertEquals(16, parsed.salt().length);
        assertEquals(32, parsed.hash().length);
    }

    @Test
    void theParametersComeFromTheStoredString() {
        // Another cost than this hasher's: verification must use the string's m, t and p, not its own.
        String other = new PasswordHasher(new Argon2id.Cost(512, 1, 2), 1).hash("elsewhere");
        assertEquals(new Argon2id.Cost(512, 1, 2),
                ((PasswordHasher.Argon2Hash) PasswordHasher.Stored.parse(other)).cost());
        assertTrue(hasher.verify("elsewhere", other));
        // The same salt and password at another cost is another hash: the parameters are not decoration.
        String tampered = other.replace("m=512,t=1,p=2", "m=512,t=2,p=2");
        assertFalse(hasher.verify("elsewhere", tampered));
    }

    @Test
    void samePasswordGetsDifferentSalts() {
        String a = hasher.hash("same password");
        String b = hasher.hash("same password");
        assertNotEquals(a, b);
        assertNotEquals(a.split("\\$")[4], b.split("\\$")[4]);
        assertTrue(hasher.verify("same password", a) && hasher.verify("same password", b));
    }

    @Test
    void rehashesOlderOrWeakerHashesAndKeepsStrongerOnes() {
        assertTrue(hasher.needsRehash(LEGACY), "PBKDF2 is replaced by Argon2id at the next login");
        assertTrue(hasher.needsRehash(LEGACY_400K));
        assertFalse(hasher.needsRehash(hasher.hash("today's")));
        assertTrue(hasher.needsRehash(new PasswordHasher(new Argon2id.Cost(128, 2, 1), 1).hash("less memory")));
        assertTrue(hasher.needsRehash(new PasswordHasher(new Argon2id.Cost(256, 1, 1), 1).hash("fewer passes")));
        assertFalse(hasher.needsRehash(new PasswordHasher(new Argon2id.Cost(512, 3, 1), 1).hash("stronger")),
                "a stronger hash is kept");
        // A 16-byte output is accepted when verifying, but replaced.
        assertTrue(hasher.needsRehash("$argon2id$v=19$m=1024,t=2,p=1$Y2FsbGNlbnRlci1zYWx0IQ$zu3ck0JytnQhM/157m4T3A"));
    }

    @Test
    void malformedHashesMatchNothingAndAreReplaced() {
        String good = REFERENCE[0][1];
        for (String bad : new String[]{null, "", "plain", "$argon2i$v=19$m=1024,t=2,p=1$Y2FsbGNlbnRlci1zYWx0IQ$zu3ck0JytnQhM/157m4T3Nsqg72vefr30NYWE3MraSU",
                good.replace("v=19", "v=16"), good.replace("m=1024", "m=4"), good.replace("t=2", "t=0"),
                good.replace("p=1", "p=0"), good.replace("m=1024", "m=9999999"), good.replace("t=2", "t=99"),
                good.replace("$Y2Fs", "$!2Fs"), good.substring(0, good.lastIndexOf('$')), good + "$extra",
                good + "AA", " " + good,
                "pbkdf2-sha256$x$AAAA$AAAA", "md5$1$AAAA$AAAA", "pbkdf2-sha256$1000$!!$AAAA", "pbkdf2-sha256$0$AAAA$AAAA",
                "pbkdf2-sha256$1000$AAAAA$AAAA"}) {
            assertFalse(hasher.verify("correct horse battery staple", bad), String.valueOf(bad));
            assertNull(PasswordHasher.Stored.parse(bad), String.valueOf(bad));
            assertTrue(hasher.needsRehash(bad), String.valueOf(bad));
        }
        assertTrue(hasher.verify("correct horse battery staple", good), "the unchanged string verifies");
        assertFalse(hasher.verifyNothing("anything"));
        assertFalse(hasher.verifyNothing(null));
    }

    @Test
    void concurrentHashesOnFewerPoolsAllVerify() throws Exception {
        // Two pools for eight threads: the blocks are reused between hashes, which must not change any result.
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String password = "password " + i;
                results.add(threads.submit(() -> hasher.verify(password, hasher.hash(password))
                        && !hasher.verify(password + "!", hasher.hash(password))
                        && hasher.verify(REFERENCE[0][0], REFERENCE[0][1])));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void aPooledHashEqualsAFreshOne() {
        Argon2id pooled = new Argon2id(1, CHEAP);
        byte[] salt = "0123456789abcdef".getBytes();
        byte[] first = pooled.hash("pw".getBytes(), salt, CHEAP, 32);
        byte[] again = pooled.hash("pw".getBytes(), salt, CHEAP, 32);
        byte[] biggerCost = pooled.hash("pw".getBytes(), salt, new Argon2id.Cost(1024, 2, 1), 32);
        assertArrayEquals(first, again);
        assertArrayEquals(first, new Argon2id(1, CHEAP).hash("pw".getBytes(), salt, CHEAP, 32));
        assertFalse(java.util.Arrays.equals(first, biggerCost));
    }

    @Test
    void productionCostIsOwaspsArgon2idRow() {
        PasswordHasher real = new PasswordHasher();
        String hash = real.hash("timing");
        assertTrue(hash.startsWith("$argon2id$v=19$m=12288,t=3,p=1$"), hash);
        long start = System.nanoTime();
        assertTrue(real.verify("timing", hash));
        long micros = (System.nanoTime() - start) / 1_000;
        // 3 passes over 12 MiB: no machine does that in 2 ms; a cost set too low by mistake would.
        assertTrue(micros >= 2_000, "a verification took only " + micros + " µs");
        assertFalse(real.needsRehash(hash));
        assertTrue(real.needsRehash(hasher.hash("cheap")), "a test-cost hash is not good enough for production");
    }
}
