package callcenter.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

    private static KeyPair keys;
    private static final Instant NOW = Instant.parse("2026-11-23T17:02:11Z");

    @BeforeAll
    static void generateKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    private static JsonObject part(String token, int index) {
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static boolean verifies(String token, java.security.PublicKey key) throws Exception {
        int lastDot = token.lastIndexOf('.');
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        signature.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
    }

    @Test
    void userTokenIsSignedAndCarriesTheClaims() throws Exception {
        UUID id = UUID.randomUUID();
        TokenIssuer.IssuedToken issued = new TokenIssuer(keys.getPrivate(), "kid-1").user(id, "jane", "agent", 0, NOW, 3600);
        assertTrue(verifies(issued.token(), keys.getPublic()));

        JsonObject header = part(issued.token(), 0);
        assertEquals("RS256", header.getString("alg"));
        assertEquals("kid-1", header.getString("kid"));
        JsonObject claims = part(issued.token(), 1);
        assertEquals("callcenter", claims.getString("iss"));
        assertEquals(id.toString(), claims.getString("sub"));
        assertEquals("jane", claims.getString("upn"));
        assertEquals("agent", claims.getJsonArray("groups").getString(0));
        assertEquals(1, claims.getJsonArray("groups").size());
        assertEquals(NOW.getEpochSecond(), claims.getJsonNumber("iat").longValue());
        assertEquals(NOW.getEpochSecond() + 3600, claims.getJsonNumber("exp").longValue());
        UUID.fromString(claims.getString("jti"));
        assertEquals(NOW.plusSeconds(3600), issued.expiresAt());
        assertEquals(3600, issued.expiresInSeconds(NOW));
    }

    @Test
    void aChangedTokenOrAnotherKeyDoesNotVerify() throws Exception {
        String token = new TokenIssuer(keys.getPrivate(), "k").user(UUID.randomUUID(), "jane", "admin", 0, NOW, 60).token();
        String[] parts = token.split("\\.");
        String forgedClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                part(token, 1).toString().replace("\"admin\"", "\"root\"").getBytes(StandardCharsets.UTF_8));
        assertFalse(verifies(parts[0] + "." + forgedClaims + "." + parts[2], keys.getPublic()));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        assertFalse(verifies(token, generator.generateKeyPair().getPublic()));
    }

    @Test
    void clientAndCallerTokensCarryTheirRoles() throws Exception {
        TokenIssuer issuer = new TokenIssuer(keys.getPrivate(), "k");
        UUID row = UUID.randomUUID();
        String client = issuer.client(row, "client_abc", "app", NOW, 60).token();
        assertTrue(verifies(client, keys.getPublic()));
        assertEquals("client", part(client, 1).getJsonArray("groups").getString(0));
        assertEquals("client_abc", part(client, 1).getString("upn"));
        assertEquals(row.toString(), part(client, 1).getString("sub"));
        assertEquals("app", part(client, 1).getString("scope"));
        String user = issuer.user(UUID.randomUUID(), "jane", "agent", 7, NOW, 60).token();
        assertEquals(7, part(user, 1).getInt("gen"));

        UUID call = UUID.randomUUID();
        String caller = issuer.caller(call, NOW, NOW.plusSeconds(600)).token();
        assertEquals("caller", part(caller, 1).getJsonArray("groups").getString(0));
        assertEquals(call.toString(), part(caller, 1).getString("sub"));
        assertNotEquals(part(client, 1).getString("jti"), part(caller, 1).getString("jti"));
    }

    @Test
    void userTokensOnlyForUserRoles() {
        TokenIssuer issuer = new TokenIssuer(keys.getPrivate(), "k");
        assertThrows(IllegalArgumentException.class, () -> issuer.user(UUID.randomUUID(), "x", "client", 0, NOW, 60));
        assertThrows(IllegalArgumentException.class, () -> issuer.user(UUID.randomUUID(), "x", "caller", 0, NOW, 60));
    }
}
