package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.json.Json;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import callcenter.it.probe.PurgeLoginAttemptsProbeServlet;
import callcenter.platform.security.TokenIssuer;

/**
 * The security review of issue 13: client scopes, token revocation and expiry (REST and WebSocket), login throttling
 * under a burst and per address, the purge of login counts, and the pages' security headers. The scope and
 * {@code from} rules of the carriers are in TelnyxIT and AfricasTalkingIT.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.earWith(PurgeLoginAttemptsProbeServlet.class);
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return Api.at(base);
    }

    // ---- client scopes -----------------------------------------------------------------------------------------

    @Test
    void aClientsScopeIsAppByDefaultIntegratorOnRequestAndNothingElse() {
        String admin = api().adminToken();
        Api.Reply plain = api().post("api/clients", "{\"name\":\"scope-default\"}", admin);
        assertEquals(201, plain.status(), plain.toString());
        assertEquals("app", plain.json().getString("scope"));
        Api.Reply integrator = api().post("api/clients", "{\"name\":\"scope-int\",\"scope\":\"integrator\"}", admin);
        assertEquals(201, integrator.status(), integrator.toString());
        assertEquals("integrator", integrator.json().getString("scope"));
        for (String scope : List.of("\"admin\"", "\"\"", "\"APP\"", "5")) {
            Api.Reply bad = api().post("api/clients", "{\"name\":\"scope-bad\",\"scope\":" + scope + "}", admin);
            assertEquals(400, bad.status(), scope + " → " + bad);
            assertTrue(bad.isProblem(), bad.toString());
            assertEquals("scope", bad.json().getJsonArray("errors").getJsonObject(0).getString("field"), bad.toString());
        }
        // An app client still does what a caller's mobile app needs.
        String app = api().clientToken();
        Api.Reply call = api().post("api/calls/initiate",
                "{\"callerName\":\"Scope\",\"phoneNumber\":\"0711000901\",\"ivrOption\":\"1\",\"queueName\":\"sales\"}", app);
        assertEquals(201, call.status(), call.toString());
        String id = call.json().getString("id");
        assertEquals(200, api().get("api/calls/" + id, app).status());
        assertEquals(200, api().post("api/calls/" + id + "/end", null, app).status());
    }

    // ---- token revocation and expiry ---------------------------------------------------------------------------

    @Test
    void aTokenFromBeforeAPasswordChangeRoleChangeOrDisableIsRefused() {
        String admin = api().adminToken();
        Api.TestUser agent = api().createUser("agent");
        assertEquals(200, api().get("api/calls?limit=1", agent.token()).status());

        assertEquals(200, api().patch("api/users/" + agent.id(), "{\"password\":\"a-new-password-1\"}", admin).status());
        Api.Reply old = api().get("api/calls?limit=1", agent.token());
        assertEquals(401, old.status(), "a token from before the password change: " + old);
        assertTrue(old.isProblem(), old.toString());
        String afterPassword = api().login(agent.username(), "a-new-password-1");
        assertEquals(200, api().get("api/calls?limit=1", afterPassword).status());

        assertEquals(200, api().patch("api/users/" + agent.id(), "{\"role\":\"supervisor\"}", admin).status());
        assertEquals(401, api().get("api/calls?limit=1", afterPassword).status(), "a token from before the role change");
        String afterRole = api().login(agent.username(), "a-new-password-1");

        assertEquals(200, api().patch("api/users/" + agent.id(), "{\"enabled\":false}", admin).status());
        assertEquals(200, api().patch("api/users/" + agent.id(), "{\"enabled\":true}", admin).status());
        assertEquals(401, api().get("api/calls?limit=1", afterRole).status(), "re-enabling must not revive old tokens");
        assertEquals(200, api().get("api/calls?limit=1", api().login(agent.username(), "a-new-password-1")).status());

        // A change that revokes nothing (a display name) keeps the tokens.
        String current = api().login(agent.username(), "a-new-password-1");
        assertEquals(200, api().patch("api/users/" + agent.id(), "{\"displayName\":\"Renamed\"}", admin).status());
        assertEquals(200, api().get("api/calls?limit=1", current).status());
    }

    @Test
    void aPasswordChangeClosesTheUsersSockets() {
        Api.TestUser agent = api().createUser("agent");
        try (WsClient socket = WsClient.agent(base, agent.token())) {
            Api.Reply changed = api().patch("api/users/" + agent.id(), "{\"password\":\"another-password-2\"}",
                    api().adminToken());
            assertEquals(200, changed.status(), changed.toString());
            assertEquals(1008, socket.awaitClose(WAIT));
        }
    }

    @Test
    void aSocketClosesWhenItsTokenExpires() throws Exception {
        Api.TestUser agent = api().createUser("agent");
        long generation = AuthIT.claims(agent.token()).getJsonNumber("gen").longValue();
        Instant now = Instant.now();
        // Signed with the server's own key, as a login would, but for 5 seconds (logins issue hours).
        String shortLived = new TokenIssuer(AuthIT.serverKey(), "it")
                .user(UUID.fromString(agent.id()), agent.username(), "agent", generation, now, 5).token();
        try (WsClient socket = WsClient.agent(base, shortLived)) {
            // Expiry after 5 s, noticed by the next keepalive round (2 s in the ITs).
            assertEquals(1008, socket.awaitClose(Duration.ofSeconds(20)));
            Duration lived = Duration.between(now, Instant.now());
            assertTrue(lived.toMillis() >= 4_000, "closed before its token expired: " + lived);
        }
    }

    // ---- login throttling --------------------------------------------------------------------------------------

    @Test
    void aBurstOf30WrongLoginsGetsAtMost5GuessesAndTheRightPasswordThenGets429() throws Exception {
        Api.TestUser agent = api().createUser("agent");
        String address = randomAddress();
        ExecutorService pool = Executors.newFixedThreadPool(30);
        List<Api.Reply> replies = new ArrayList<>();
        try {
            List<Future<Api.Reply>> burst = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                burst.add(pool.submit(() -> login(agent.username(), "wrong-password", address)));
            }
            for (Future<Api.Reply> reply : burst) {
                replies.add(reply.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long guesses = replies.stream().filter(r -> r.status() == 401).count();
        long refused = replies.stream().filter(r -> r.status() == 429).count();
        assertTrue(guesses <= 5, guesses + " passwords were checked: " + replies);
        assertEquals(30, guesses + refused, replies.toString());
        replies.stream().filter(r -> r.status() == 429).forEach(r -> {
            assertTrue(r.isProblem(), r.toString());
            assertNotNull(r.header("Retry-After"), r.toString());
        });
        Api.Reply right = login(agent.username(), agent.password(), address);
        Api.Reply wrong = login(agent.username(), "still-wrong", randomAddress());
        assertEquals(429, right.status(), right.toString());
        assertEquals(429, wrong.status(), wrong.toString());
        assertEquals(wrong.json().getString("detail").replaceAll("\\d+", "N"),
                right.json().getString("detail").replaceAll("\\d+", "N"), "a right password reveals nothing");
    }

    @Test
    void oneAddressIsLockedAfterTheAddressLimitWhateverTheUsernames() throws Exception {
        Api.TestUser agent = api().createUser("agent");
        String address = randomAddress();
        int limit = 100; // CALLCENTER_LOGIN_ADDRESS_MAX_FAILURES' default
        wrongLogins(address, limit);
        Api.Reply locked = login(agent.username(), agent.password(), address);
        assertEquals(429, locked.status(), locked.toString());
        assertNotNull(locked.header("Retry-After"), locked.toString());
        assertEquals(200, login(agent.username(), agent.password(), randomAddress()).status(), "other addresses may");
    }

    /**
     * Right passwords never lock an address: an office behind one NAT address whose failures came near the limit
     * still logs in, however many of its logins are right; only the failure that reaches the limit locks it.
     */
    @Test
    void rightPasswordsNeverLockAnAddressOnlyTheFailureThatReachesTheLimit() throws Exception {
        Api.TestUser agent = api().createUser("agent");
        String address = randomAddress();
        int limit = 100; // CALLCENTER_LOGIN_ADDRESS_MAX_FAILURES' default
        wrongLogins(address, limit - 1);
        for (int i = 0; i < 3; i++) {
            Api.Reply right = login(agent.username(), agent.password(), address);
            assertEquals(200, right.status(), "right login " + (i + 1) + " after " + (limit - 1) + " failures: " + right);
        }
        assertEquals(401, login("nobody_last", "wrong-password", address).status(), "the hundredth failure");
        Api.Reply locked = login(agent.username(), agent.password(), address);
        assertEquals(429, locked.status(), locked.toString());
    }

    /** {@code count} wrong logins of unknown usernames from {@code address}, four at a time; each a 401. */
    private void wrongLogins(String address, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Api.Reply>> guesses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String username = "nobody_" + UUID.randomUUID().toString().substring(0, 8);
                guesses.add(pool.submit(() -> login(username, "wrong-password", address)));
            }
            for (Future<Api.Reply> guess : guesses) {
                assertEquals(401, guess.get().status(), guess.get().toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thePurgeForgetsCountsWhoseWindowAndLockAreOver() throws Exception {
        String old = "purge_old_" + UUID.randomUUID().toString().substring(0, 8);
        String locked = "purge_locked_" + UUID.randomUUID().toString().substring(0, 8);
        String fresh = "purge_fresh_" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        try (Connection db = db()) {
            insert(db, old, now.minus(Duration.ofHours(2)), null);
            insert(db, locked, now.minus(Duration.ofHours(2)), now.plus(Duration.ofMinutes(10)));
            insert(db, fresh, now.minus(Duration.ofMinutes(1)), null);
            Api.Reply purged = api().send(api().request("it-probe/purge-login-attempts", null)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, purged.status(), purged.toString());
            assertTrue(Integer.parseInt(purged.body().trim()) >= 1, purged.toString());
            assertEquals(List.of(fresh, locked), usernames(db, old, locked, fresh));
        }
    }

    // ---- security headers --------------------------------------------------------------------------------------

    @Test
    void pagesScriptsAndAnswersCarrySecurityHeaders() {
        for (String path : List.of("", "index.html", "call", "wallboard.html", "dashboard/main.js", "css/app.css",
                "api/calls", "no-such-page")) {
            Api.Reply reply = api().get(path, null);
            String csp = reply.header("Content-Security-Policy");
            assertNotNull(csp, path + " " + reply.headers());
            assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'")
                    && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), path + ": " + csp);
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), path);
            assertNotNull(reply.header("Referrer-Policy"), path);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Api.Reply login(String username, String password, String address) {
        return api().send(api().request("api/auth/login", null)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("username", username)
                        .add("password", password).build().toString()))
                .build());
    }

    /** An address of its own per test (the ITs trust 127.0.0.1 as a proxy), so tests do not lock each other out. */
    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
    }

    private static void insert(Connection db, String username, Instant lastAttempt, Instant lockedUntil)
            throws Exception {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO login_attempts (username, failures,"
                + " attempt_times, last_attempt_at, locked_until) VALUES (?, 1, ?, ?, ?)")) {
            insert.setString(1, username);
            insert.setString(2, Long.toString(lastAttempt.toEpochMilli(), Character.MAX_RADIX));
            insert.setTimestamp(3, Timestamp.from(lastAttempt));
            insert.setTimestamp(4, lockedUntil == null ? null : Timestamp.from(lockedUntil));
            insert.executeUpdate();
        }
    }

    private static List<String> usernames(Connection db, String... candidates) throws Exception {
        List<String> found = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(
                "SELECT username FROM login_attempts WHERE username = ANY (?) ORDER BY username")) {
            query.setArray(1, db.createArrayOf("varchar", candidates));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }
}
