package callcenter.users.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientSecretsTest {

    @Test
    void storedHashMatchesOnlyItsSecret() {
        String secret = ClientSecrets.newSecret();
        String hash = ClientSecrets.hash(secret);
        assertFalse(hash.contains(secret));
        assertTrue(ClientSecrets.matches(secret, hash));
        assertFalse(ClientSecrets.matches(secret + "x", hash));
        assertFalse(ClientSecrets.matches(null, hash));
        assertFalse(ClientSecrets.matches(secret, null));
        assertFalse(ClientSecrets.matches(secret, "sha256$!!"));
    }

    @Test
    void idsAndSecretsAreRandom() {
        assertNotEquals(ClientSecrets.newSecret(), ClientSecrets.newSecret());
        assertNotEquals(ClientSecrets.newClientId(), ClientSecrets.newClientId());
        assertTrue(ClientSecrets.newSecret().length() >= 43);
        assertTrue(ClientSecrets.newClientId().length() <= 64);
    }
}
