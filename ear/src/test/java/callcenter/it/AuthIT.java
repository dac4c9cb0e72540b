package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import callcenter.platform.security.TokenIssuer;

/** Logins, lockout, client credentials, and how bad or missing tokens are answered. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return Api.at(base);
    }

    private Api.Reply login(String username, String password) {
        return api().post("api/auth/login", Json.createObjectBuilder().add("username", username)
                .add("password", password).build().toString(), null);
    }

    @Test
    void loginAnswersTokenAndUser() {
        Api.TestUser agent = api().createUser("agent");
        Api.Reply reply = login(agent.username(), agent.password());
        assertEquals(200, reply.status(), reply.toString());
        JsonObject body = reply.json();
        assertEquals("Bearer", body.getString("tokenType"));
        assertTrue(body.getJsonNumber("expiresIn").longValue() > 60 * 60, reply.toString());
        assertEquals(3, body.getString("token").split("\\.").length);
        JsonObject user = body.getJsonObject("user");
        assertEquals(agent.id(), user.getString("id"));
        assertEquals(agent.username(), user.getString("username"));
        assertEquals("agent", user.getString("role"));
        assertTrue(user.containsKey("displayName") && user.containsKey("extension"), user.toString());
        assertFalse(reply.body().toLowerCase().contains("password"), reply.body());
        // The token works on the API.
        assertEquals(403, api().get("api/users", body.getString("token")).status());
    }

    @Test
    void aSignedInUserRefreshesItsTokenAndNobodyElseCan() {
        Api.TestUser agent = api().createUser("agent");
        Api.Reply refreshed = api().post("api/auth/refresh", null, agent.token());
        assertEquals(200, refreshed.status(), refreshed.toString());
        assertEquals("no-store", refreshed.headers().get("cache-control").get(0));
        JsonObject body = refreshed.json();
        assertEquals("Bearer", body.getString("tokenType"));
        assertTrue(body.getJsonNumber("expiresIn").longValue() > 60 * 60, refreshed.toString());
        assertEquals(agent.id(), body.getJsonObject("user").getString("id"));
        assertEquals("agent", body.getJsonObject("user").getString("role"));
        String fresh = body.getString("token");
        assertEquals(200, api().get("api/calls?limit=1", fresh).status(), "the new token works");
        assertEquals(200, api().post("api/auth/refresh", null, fresh).status(), "and can be refreshed in turn");

        Api.Reply anonymous = api().post("api/auth/refresh", null, null);
        assertEquals(401, anonymous.status(), anonymous.toString());
        assertTrue(anonymous.isProblem(), anonymous.toString());
        Api.Reply client = api().post("api/auth/refresh", null, api().clientToken());
        assertEquals(403, client.status(), "a client asks /auth/token again: " + client);
        assertTrue(client.isProblem(), client.toString());

        // Disabled: neither the old token nor the refreshed one gets another.
        assertEquals(204, api().delete("api/users/" + agent.id(), api().adminToken()).status());
        for (String token : List.of(agent.token(), fresh)) {
            Api.Reply refused = api().post("api/auth/refresh", null, token);
            assertEquals(401, refused.status(), refused.toString());
            assertTrue(refused.isProblem(), refused.toString());
        }
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Api.TestUser agent = api().createUser("agent");
        Api.Reply wrong = login(agent.username(), "not-the-password");
        Api.Reply unknown = login("nobody_" + UUID.randomUUID().toString().substring(0, 8), "whatever-password");
        assertEquals(401, wrong.status(), wrong.toString());
        assertTrue(wrong.isProblem(), wrong.toString());
        assertEquals(401, unknown.status(), unknown.toString());
        assertEquals(wrong.body(), unknown.body());
        assertEquals(wrong.contentType(), unknown.contentType());
    }

    /** What the PBKDF2 hasher before Argon2id stored for "legacy password" (1,000 iterations, to keep this fast). */
    private static final String LEGACY_HASH = "pbkdf2-sha256$1000$zqNEZ0bclEgdV3m0mSow2Q$bBbjJf9EFEWfVOtWZlbNSfOmzkWr5ocnq2RgzhRNkHs";

    @Test
    void anOlderPbkdf2HashStillLogsInAndIsReplacedByArgon2idAtThatLogin() throws Exception {
        Api.TestUser agent = api().createUser("agent");
        assertTrue(storedHash(agent.id()).startsWith("$argon2id$v=19$m=12288,t=3,p=1$"), storedHash(agent.id()));
        setStoredHash(agent.id(), LEGACY_HASH);

        // A wrong password neither logs in nor touches the stored hash.
        assertEquals(401, login(agent.username(), "legacy passworD").status());
        assertEquals(LEGACY_HASH, storedHash(agent.id()));

        Api.Reply reply = login(agent.username(), "legacy password");
        assertEquals(200, reply.status(), reply.toString());
        String upgraded = storedHash(agent.id());
        assertTrue(upgraded.matches("\\$argon2id\\$v=19\\$m=12288,t=3,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), upgraded);
        assertFalse(upgraded.contains("legacy"), upgraded);
        // The same password, hashed anew: it logs in, and the tokens issued before stay valid (not a password change).
        assertEquals(200, login(agent.username(), "legacy password").status());
        assertEquals(upgraded, storedHash(agent.id()), "today's hash is kept");
        assertEquals(200, api().post("api/auth/refresh", null, agent.token()).status(), "the older token still works");
        assertEquals(401, login(agent.username(), agent.password()).status(), "the password is the legacy one");
    }

    private static String storedHash(String userId) throws Exception {
        try (Connection db = db(); PreparedStatement select = db.prepareStatement(
                "SELECT password_hash FROM users WHERE id = ?")) {
            select.setObject(1, UUID.fromString(userId));
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    private static void setStoredHash(String userId, String hash) throws Exception {
        try (Connection db = db(); PreparedStatement update = db.prepareStatement(
                "UPDATE users SET password_hash = ? WHERE id = ?")) {
            update.setString(1, hash);
            update.setObject(2, UUID.fromString(userId));
            assertEquals(1, update.executeUpdate());
        }
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
    }

    @Test
    void disabledUserCannotLogIn() {
        Api.TestUser agent = api().createUser("agent");
        assertEquals(204, api().delete("api/users/" + agent.id(), api().adminToken()).status());
        Api.Reply reply = login(agent.username(), agent.password());
        assertEquals(401, reply.status(), reply.toString());
        assertEquals(login("nobody_x1", "whatever-password").body(), reply.body());
    }

    @Test
    void fiveFailuresLockTheUsernameEvenForTheRightPassword() {
        Api.TestUser agent = api().createUser("agent");
        for (int i = 1; i <= 5; i++) {
            Api.Reply failed = login(agent.username(), "wrong-password-" + i);
            assertEquals(401, failed.status(), "attempt " + i + ": " + failed);
        }
        Api.Reply locked = login(agent.username(), agent.password());
        assertEquals(429, locked.status(), locked.toString());
        assertTrue(locked.isProblem(), locked.toString());
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 14 * 60 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        // Other usernames are not affected.
        Api.TestUser other = api().createUser("agent");
        assertEquals(200, login(other.username(), other.password()).status());
    }

    @Test
    void concurrentFailuresAreAllCounted() throws Exception {
        Api.TestUser agent = api().createUser("agent");
        // Five wrong passwords at once: a lost update would leave the count below five and the username open.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(5);
        try {
            var replies = new ArrayList<java.util.concurrent.Future<Api.Reply>>();
            for (int i = 0; i < 5; i++) {
                replies.add(pool.submit(() -> login(agent.username(), "wrong-password")));
            }
            for (var reply : replies) {
                assertEquals(401, reply.get().status(), reply.get().toString());
            }
        } finally {
            pool.shutdownNow();
        }
        Api.Reply locked = login(agent.username(), agent.password());
        assertEquals(429, locked.status(), locked.toString());
        assertNotNull(locked.header("Retry-After"));
    }

    @Test
    void successfulLoginResetsTheCount() {
        Api.TestUser agent = api().createUser("agent");
        for (int i = 1; i <= 4; i++) {
            assertEquals(401, login(agent.username(), "wrong-password").status());
        }
        assertEquals(200, login(agent.username(), agent.password()).status());
        for (int i = 1; i <= 4; i++) {
            assertEquals(401, login(agent.username(), "wrong-password").status(), "attempt " + i + " after reset");
        }
        assertEquals(200, login(agent.username(), agent.password()).status());
    }

    @Test
    void invalidLoginBodyIs400() {
        Api.Reply reply = api().post("api/auth/login", "{\"username\":\"\"}", null);
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
        assertTrue(reply.json().containsKey("errors"), reply.toString());
        Api.Reply malformed = api().post("api/auth/login", "{nope", null);
        assertEquals(400, malformed.status(), malformed.toString());
        assertTrue(malformed.isProblem(), malformed.toString());
    }

    @Test
    void clientCredentialsViaFormAndBasic() {
        JsonObject client = createClient();
        String id = client.getString("clientId");
        String secret = client.getString("clientSecret");

        Api.Reply form = tokenRequest("grant_type=client_credentials&client_id=" + id + "&client_secret=" + secret, null);
        assertEquals(200, form.status(), form.toString());
        assertEquals("Bearer", form.json().getString("token_type"));
        assertTrue(form.json().getJsonNumber("expires_in").longValue() > 0);
        assertNotNull(form.json().getString("access_token"));

        String basic = "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        Api.Reply viaBasic = tokenRequest("grant_type=client_credentials", basic);
        assertEquals(200, viaBasic.status(), viaBasic.toString());
        String token = viaBasic.json().getString("access_token");
        // A client token is not an admin: 403 on the users.
        assertEquals(403, api().get("api/users", token).status());

        Api.Reply wrong = tokenRequest("grant_type=client_credentials&client_id=" + id + "&client_secret=wrong", null);
        assertEquals(401, wrong.status(), wrong.toString());
        assertTrue(wrong.isProblem(), wrong.toString());
        Api.Reply wrongBasic = tokenRequest("grant_type=client_credentials", "Basic "
                + Base64.getEncoder().encodeToString((id + ":nope").getBytes(StandardCharsets.UTF_8)));
        assertEquals(401, wrongBasic.status(), wrongBasic.toString());
        Api.Reply unknown = tokenRequest("grant_type=client_credentials&client_id=nobody&client_secret=x", null);
        assertEquals(401, unknown.status(), unknown.toString());

        Api.Reply grant = tokenRequest("grant_type=password&client_id=" + id + "&client_secret=" + secret, null);
        assertEquals(400, grant.status(), grant.toString());
        assertTrue(grant.isProblem(), grant.toString());
        assertEquals("unsupported_grant_type", grant.json().getString("error"));
        Api.Reply missing = tokenRequest("client_id=" + id + "&client_secret=" + secret, null);
        assertEquals(400, missing.status(), missing.toString());
    }

    @Test
    void deletedClientsTokenFails() {
        JsonObject client = createClient();
        String token = tokenRequest("grant_type=client_credentials&client_id=" + client.getString("clientId")
                + "&client_secret=" + client.getString("clientSecret"), null).json().getString("access_token");
        // A client token reaches the API (403 on an admin path, not 401) until the client is deleted.
        assertEquals(403, api().get("api/users", token).status());
        Api.Reply deleted = api().delete("api/clients/" + client.getString("clientId"), api().adminToken());
        assertEquals(204, deleted.status(), deleted.toString());
        Api.Reply after = api().get("api/users", token);
        assertEquals(401, after.status(), after.toString());
        assertTrue(after.isProblem(), after.toString());
        Api.Reply again = tokenRequest("grant_type=client_credentials&client_id=" + client.getString("clientId")
                + "&client_secret=" + client.getString("clientSecret"), null);
        assertEquals(401, again.status(), again.toString());
        assertEquals(404, api().delete("api/clients/no-such-client", api().adminToken()).status());
    }

    /**
     * Login and the token endpoint need no token (api.md section 2), so an old one that a client still sends (its
     * role changed, its client was deleted and made again) does not keep it from getting a new one.
     */
    @Test
    void aRevokedTokenSentAlongDoesNotBlockLoginOrTheTokenEndpoint() {
        Api.TestUser agent = api().createUser("agent");
        String revoked = login(agent.username(), agent.password()).json().getString("token");
        assertEquals(200, api().patch("api/users/" + agent.id(), "{\"role\":\"supervisor\"}", api().adminToken()).status());
        assertEquals(401, api().get("api/calls", revoked).status(), "the old token is revoked");
        Api.Reply again = api().post("api/auth/login", Json.createObjectBuilder().add("username", agent.username())
                .add("password", agent.password()).build().toString(), revoked);
        assertEquals(200, again.status(), again.toString());
        assertEquals("supervisor", again.json().getJsonObject("user").getString("role"));
        JsonObject client = createClient();
        Api.Reply token = api().send("POST", "api/auth/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=" + client.getString("clientId") + "&client_secret="
                        + client.getString("clientSecret"), revoked);
        assertEquals(200, token.status(), token.toString());
    }

    @Test
    void noTokenIs401Problem() {
        for (String path : new String[]{"api/users", "api/users/" + UUID.randomUUID()}) {
            Api.Reply reply = api().get(path, null);
            assertEquals(401, reply.status(), path + " " + reply);
            assertTrue(reply.isProblem(), path + " " + reply);
        }
        Api.Reply post = api().post("api/clients", "{\"name\":\"x\"}", null);
        assertEquals(401, post.status(), post.toString());
        assertTrue(post.isProblem(), post.toString());
    }

    @Test
    void garbageExpiredAndForeignTokensAre401Problem() throws Exception {
        String adminId = adminId();
        long gen = claims(api().adminToken()).getJsonNumber("gen").longValue();
        Instant now = Instant.now();
        TokenIssuer server = new TokenIssuer(serverKey(), "it");
        var foreignKeys = KeyPairGenerator.getInstance("RSA");
        foreignKeys.initialize(2048);
        TokenIssuer foreign = new TokenIssuer(foreignKeys.generateKeyPair().getPrivate(), "foreign");
        String[] tokens = {
                "garbage",
                "eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
                server.user(UUID.fromString(adminId), "admin", "admin", gen, now.minusSeconds(7200), 3600).token(),
                foreign.user(UUID.fromString(adminId), "admin", "admin", gen, now, 3600).token(),
        };
        // Sanity: the same issuer with a live time is accepted, so the rejections above are about the token.
        assertEquals(200, api().get("api/users?limit=1",
                server.user(UUID.fromString(adminId), "admin", "admin", gen, now, 3600).token()).status());
        for (String token : tokens) {
            Api.Reply reply = api().get("api/users", token);
            assertEquals(401, reply.status(), token + " " + reply);
            assertTrue(reply.isProblem(), token + " " + reply);
        }
    }

    @Test
    void validlySignedTokenOfAnUnknownUserIs401() throws Exception {
        String token = new TokenIssuer(serverKey(), "it").user(UUID.randomUUID(), "ghost", "admin", 0, Instant.now(), 3600)
                .token();
        Api.Reply reply = api().get("api/users", token);
        assertEquals(401, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
    }

    @Test
    void wrongRoleIs403Problem() {
        Api.TestUser agent = api().createUser("agent");
        Api.Reply reply = api().get("api/users", agent.token());
        assertEquals(403, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
        Api.Reply supervisor = api().post("api/clients", "{\"name\":\"x\"}", api().createUser("supervisor").token());
        assertEquals(403, supervisor.status(), supervisor.toString());
        assertTrue(supervisor.isProblem(), supervisor.toString());
    }

    private JsonObject createClient() {
        Api.Reply created = api().post("api/clients", "{\"name\":\"it-" + UUID.randomUUID() + "\"}", api().adminToken());
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    private Api.Reply tokenRequest(String form, String authorization) {
        HttpRequest.Builder request = api().request("api/auth/token", null)
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return api().send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private String adminId() {
        Api.Reply reply = api().post("api/auth/login", Json.createObjectBuilder().add("username", "admin")
                .add("password", System.getProperty("it.admin.password")).build().toString(), null);
        return reply.json().getJsonObject("user").getString("id");
    }

    /** A token's payload. */
    static JsonObject claims(String token) {
        byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        return Json.createReader(new java.io.StringReader(new String(payload, StandardCharsets.UTF_8))).readObject();
    }

    /** The server's generated signing key, from its data directory, to sign tokens the server must judge. */
    static PrivateKey serverKey() throws Exception {
        Path pem = Path.of(System.getProperty("it.ear")).resolveSibling("it-data").resolve("jwt-signing-key.pem");
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
