package callcenter.users.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse");
        assertTrue(hasher.verify("correct horse", hash));
        assertFalse(hasher.verify("correct horsE", hash));
        assertFalse(hasher.verify("", hash));
        assertFalse(hasher.verify(null, hash));
    }

    @Test
    void samePasswordGetsDifferentSalts() {
        String a = hasher.hash("same password");
        String b = hasher.hash("same password");
        assertNotEquals(a, b);
        assertNotEquals(a.split("\\$")[2], b.split("\\$")[2]);
        assertTrue(hasher.verify("same password", a) && hasher.verify("same password", b));
    }

    @Test
    void encodedFormCarriesAlgorithmAndIterationsAndNeverThePassword() {
        String hash = hasher.hash("visible?");
        String[] parts = hash.split("\\$");
        assertEquals(4, parts.length, hash);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("1000", parts[1]);
        assertFalse(hash.contains("visible?"));
    }

    @Test
    void oldHashesStillVerifyAndAskForARehash() {
        String old = new PasswordHasher(500).hash("upgrade me");
        assertTrue(hasher.verify("upgrade me", old));
        assertTrue(hasher.needsRehash(old));
        assertFalse(hasher.needsRehash(hasher.hash("upgrade me")));
        assertFalse(new PasswordHasher(500).needsRehash(hasher.hash("x")), "a stronger hash is kept");
    }

    @Test
    void malformedHashesMatchNothing() {
        for (String bad : new String[]{null, "", "plain", "pbkdf2-sha256$x$AAAA$AAAA", "md5$1$AAAA$AAAA",
                "pbkdf2-sha256$1000$!!$AAAA", "pbkdf2-sha256$0$AAAA$AAAA"}) {
            assertFalse(hasher.verify("anything", bad), String.valueOf(bad));
            assertTrue(hasher.needsRehash(bad), String.valueOf(bad));
        }
        assertFalse(hasher.verifyNothing("anything"));
    }

    @Test
    void productionSettingIsSlow() {
        PasswordHasher real = new PasswordHasher();
        String hash = real.hash("timing");
        long start = System.nanoTime();
        assertTrue(real.verify("timing", hash));
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Slow enough to hurt guessing; the exact time depends on the machine.
        assertTrue(millis >= 20, "a verification took only " + millis + " ms");
        assertEquals(String.valueOf(PasswordHasher.ITERATIONS), hash.split("\\$")[1]);
    }
}
