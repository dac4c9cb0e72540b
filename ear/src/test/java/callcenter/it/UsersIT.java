package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin endpoints for users: create, list, change, disable, and what they refuse. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UsersIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return Api.at(base);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonObjectBuilder user(String username) {
        return Json.createObjectBuilder().add("username", username).add("displayName", "Display " + username)
                .add("password", "secret-password").add("extension", "204").add("role", "agent");
    }

    private Api.Reply create(JsonObjectBuilder body, String admin) {
        return api().post("api/users", body.build().toString(), admin);
    }

    @Test
    void aSipUsernameOrCredentialIdThatCouldNameAnotherHostIs400AndChangesNothing() {
        String admin = api().adminToken();
        for (String sip : List.of("evil@attacker.example", "a b", "sip:x", "a;transport=tcp", "x".repeat(65), "a\u0000b")) {
            String username = unique("sip-");
            Api.Reply reply = create(user(username).add("sipUsername", sip), admin);
            assertEquals(400, reply.status(), sip + " " + reply);
            assertTrue(reply.isProblem() && reply.body().contains("\"sipUsername\""), reply.toString());
            assertEquals(401, api().post("api/auth/login", "{\"username\":\"" + username
                    + "\",\"password\":\"secret-password\"}", null).status(), "not created");
        }
        Api.TestUser agent = api().createUser("agent");
        Api.Reply patched = api().patch("api/users/" + agent.id(), "{\"sipUsername\":\"x@evil.example\"}", admin);
        assertEquals(400, patched.status(), patched.toString());
        Api.Reply credential = api().patch("api/users/" + agent.id(), "{\"telnyxCredentialId\":\"../../calls\"}", admin);
        assertEquals(400, credential.status(), credential.toString());
        assertEquals(200, api().patch("api/users/" + agent.id(), "{\"sipUsername\":\"agent.one_2-b\"}", admin).status());
        assertEquals(200, api().patch("api/users/" + agent.id(), "{\"sipUsername\":\"\"}", admin).status(), "clears");
    }

    @Test
    void createAnswers201WithoutPassword() {
        String admin = api().adminToken();
        String username = unique("new.user-");
        Api.Reply reply = create(user(username).add("sipUsername", "sip-" + username).add("role", "supervisor"), admin);
        assertEquals(201, reply.status(), reply.toString());
        JsonObject body = reply.json();
        UUID.fromString(body.getString("id"));
        assertEquals(username, body.getString("username"));
        assertEquals("Display " + username, body.getString("displayName"));
        assertEquals("204", body.getString("extension"));
        assertEquals("supervisor", body.getString("role"));
        assertEquals("sip-" + username, body.getString("sipUsername"));
        assertEquals(JsonValue.NULL, body.get("telnyxCredentialId"));
        assertTrue(body.getBoolean("enabled"));
        assertTrue(body.getString("createdAt").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), body.toString());
        assertFalse(reply.body().toLowerCase().contains("password"), reply.body());
        assertFalse(reply.body().contains("pbkdf2") || reply.body().contains("argon2"), reply.body());
        assertTrue(reply.header("Location").endsWith("/api/users/" + body.getString("id")), reply.toString());

        Api.Reply fetched = api().get("api/users/" + body.getString("id"), admin);
        assertEquals(200, fetched.status());
        assertEquals(body, fetched.json());
        // The new user can log in with the password it was given.
        assertEquals(200, api().post("api/auth/login", "{\"username\":\"" + username
                + "\",\"password\":\"secret-password\"}", null).status());
    }

    @Test
    void takenUsernameOrClientNameIs409() {
        String admin = api().adminToken();
        String stem = unique("a");
        assertEquals(201, create(user(stem + ".b"), admin).status());
        Api.Reply same = create(user(stem + ".b"), admin);
        assertEquals(409, same.status(), same.toString());
        assertTrue(same.isProblem(), same.toString());
        // a.b and a_b would both answer as Africa's Talking client a_b.
        Api.Reply colliding = create(user(stem + "_b"), admin);
        assertEquals(409, colliding.status(), colliding.toString());
        assertTrue(colliding.isProblem(), colliding.toString());
        assertNotEquals(same.json().getString("type"), colliding.json().getString("type"));
        Api.Reply alsoColliding = create(user(stem + "-b"), admin);
        assertEquals(409, alsoColliding.status(), alsoColliding.toString());
    }

    @Test
    void invalidInputIs400WithErrors() {
        String admin = api().adminToken();
        List<JsonObjectBuilder> bad = List.of(
                user("ab"),
                user("has space"),
                user("x".repeat(65)),
                user(unique("pw")).add("password", "short"),
                // four characters, eight UTF-16 units: a password's length is what a person counts
                user(unique("pw")).add("password", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"),
                user(unique("role")).add("role", "root"),
                user(unique("role")).add("role", "client"),
                user(unique("dn")).add("displayName", ""),
                user(unique("ext")).add("extension", "1".repeat(33)),
                Json.createObjectBuilder().add("username", unique("partial")));
        for (JsonObjectBuilder body : bad) {
            String json = body.build().toString();
            Api.Reply reply = api().post("api/users", json, admin);
            assertEquals(400, reply.status(), json + " -> " + reply);
            assertTrue(reply.isProblem(), reply.toString());
            assertFalse(reply.json().getJsonArray("errors").isEmpty(), reply.toString());
        }
        Api.Reply errors = create(user("ab").add("password", "short").add("role", "root"), admin);
        Set<String> fields = new HashSet<>();
        errors.json().getJsonArray("errors").forEach(e -> fields.add(e.asJsonObject().getString("field")));
        assertEquals(Set.of("username", "password", "role"), fields, errors.toString());
        // Nothing was created by the refused requests.
        Api.Reply list = api().get("api/users?limit=500", admin);
        assertFalse(list.body().contains("\"ab\""), list.body());
    }

    @Test
    void listIsPagedNewestFirst() {
        String admin = api().adminToken();
        String first = create(user(unique("page1-")), admin).json().getString("id");
        String second = create(user(unique("page2-")), admin).json().getString("id");

        Api.Reply page1 = api().get("api/users?limit=1", admin);
        assertEquals(200, page1.status(), page1.toString());
        assertEquals(1, page1.json().getJsonArray("items").size());
        assertEquals(second, page1.json().getJsonArray("items").getJsonObject(0).getString("id"));
        String cursor = page1.json().getString("nextCursor");

        Api.Reply page2 = api().get("api/users?limit=1&cursor=" + cursor, admin);
        assertEquals(200, page2.status(), page2.toString());
        assertEquals(first, page2.json().getJsonArray("items").getJsonObject(0).getString("id"));

        // Walking every page visits each user once and ends with a null cursor.
        Set<String> seen = new HashSet<>();
        String next = null;
        int pages = 0;
        do {
            Api.Reply page = api().get("api/users?limit=2" + (next == null ? "" : "&cursor=" + next), admin);
            assertEquals(200, page.status(), page.toString());
            page.json().getJsonArray("items").forEach(u -> assertTrue(seen.add(u.asJsonObject().getString("id"))));
            assertTrue(page.json().containsKey("nextCursor"), page.toString());
            next = page.json().isNull("nextCursor") ? null : page.json().getString("nextCursor");
            pages++;
        } while (next != null && pages < 1000);
        assertTrue(seen.contains(first) && seen.contains(second));
        assertTrue(page1.body().indexOf("password") < 0, page1.body());

        for (String query : new String[]{"limit=0", "limit=501", "limit=abc", "limit=-1", "limit=",
                "cursor=" + cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("AA") ? "BB" : "AA"),
                "cursor=nonsense"}) {
            Api.Reply reply = api().get("api/users?" + query, admin);
            assertEquals(400, reply.status(), query + " " + reply);
            assertTrue(reply.isProblem(), query + " " + reply);
        }
    }

    @Test
    void patchChangesOnlyWhatIsSent() {
        String admin = api().adminToken();
        Api.TestUser agent = api().createUser("agent");
        Api.Reply patched = api().patch("api/users/" + agent.id(), "{\"displayName\":\"Renamed\",\"extension\":\"777\","
                + "\"sipUsername\":\"sip-agent\",\"telnyxCredentialId\":\"cred-1\",\"password\":\"new-password-1\"}", admin);
        assertEquals(200, patched.status(), patched.toString());
        JsonObject body = patched.json();
        assertEquals("Renamed", body.getString("displayName"));
        assertEquals("777", body.getString("extension"));
        assertEquals("sip-agent", body.getString("sipUsername"));
        assertEquals("cred-1", body.getString("telnyxCredentialId"));
        assertEquals("agent", body.getString("role"));
        assertEquals(agent.username(), body.getString("username"));

        assertEquals(401, api().post("api/auth/login", "{\"username\":\"" + agent.username() + "\",\"password\":\""
                + agent.password() + "\"}", null).status());
        String newToken = api().login(agent.username(), "new-password-1");

        Api.Reply cleared = api().patch("api/users/" + agent.id(), "{\"sipUsername\":\"\"}", admin);
        assertEquals(200, cleared.status(), cleared.toString());
        assertEquals(JsonValue.NULL, cleared.json().get("sipUsername"));
        assertEquals("Renamed", cleared.json().getString("displayName"));

        Api.Reply promoted = api().patch("api/users/" + agent.id(), "{\"role\":\"supervisor\"}", admin);
        assertEquals("supervisor", promoted.json().getString("role"));
        // A token carries the role it was issued with: after a role change it must be renewed.
        assertEquals(401, api().get("api/users", newToken).status());

        // The user's own username may be sent back (a client sending the object it read); another one is a 400.
        assertEquals(200, api().patch("api/users/" + agent.id(), "{\"username\":\"" + agent.username()
                + "\",\"extension\":\"778\"}", admin).status());
        for (String bad : new String[]{"{\"role\":\"root\"}", "{\"password\":\"short\"}", "{\"displayName\":\" \"}",
                "{\"username\":\"renamed_" + agent.username() + "\",\"extension\":\"779\"}"}) {
            Api.Reply reply = api().patch("api/users/" + agent.id(), bad, admin);
            assertEquals(400, reply.status(), bad + " " + reply);
            assertTrue(reply.isProblem(), reply.toString());
        }
        assertEquals(404, api().patch("api/users/" + UUID.randomUUID(), "{\"displayName\":\"x\"}", admin).status());
        assertEquals(404, api().get("api/users/" + UUID.randomUUID(), admin).status());
        JsonObject after = api().get("api/users/" + agent.id(), admin).json();
        assertEquals(agent.username(), after.getString("username"), "the refused PATCH renamed nothing");
        assertEquals("778", after.getString("extension"), "and changed nothing else");
    }

    @Test
    void aPatchWhoseContentTypeIsAWildcardOrAPatchTypeIs415AndChangesNothing() {
        String admin = api().adminToken();
        Api.TestUser agent = api().createUser("agent");
        String before = api().get("api/users/" + agent.id(), admin).json().getString("displayName");
        // "*/*" once reached RESTEasy's JSON Patch filter, which answered 500 (FuzzIT, seed 11050484504859).
        for (String type : new String[]{"*/*", "application/*", "application/json-patch+json",
                "application/merge-patch+json"}) {
            String body = type.startsWith("application/json-patch")
                    ? "[{\"op\":\"replace\",\"path\":\"/displayName\",\"value\":\"Patched\"}]"
                    : "{\"displayName\":\"Patched\"}";
            Api.Reply reply = api().send("PATCH", "api/users/" + agent.id(), type, body, admin);
            assertEquals(415, reply.status(), type + " " + reply);
            assertTrue(reply.isProblem(), type + " " + reply);
        }
        assertEquals(before, api().get("api/users/" + agent.id(), admin).json().getString("displayName"));
    }

    @Test
    void deleteDisablesAndItsTokensFail() {
        String admin = api().adminToken();
        Api.TestUser supervisor = api().createUser("supervisor");
        Api.TestUser agent = api().createUser("agent");
        // Before: the token is accepted (403 because an agent is not an admin, not 401).
        assertEquals(403, api().get("api/users", agent.token()).status());

        Api.Reply deleted = api().delete("api/users/" + agent.id(), admin);
        assertEquals(204, deleted.status(), deleted.toString());
        Api.Reply after = api().get("api/users", agent.token());
        assertEquals(401, after.status(), after.toString());
        assertTrue(after.isProblem(), after.toString());

        // History stays: the user is still there, disabled.
        Api.Reply fetched = api().get("api/users/" + agent.id(), admin);
        assertEquals(200, fetched.status());
        assertFalse(fetched.json().getBoolean("enabled"));
        assertEquals(204, api().delete("api/users/" + agent.id(), admin).status());

        // Re-enabled, it can log in again.
        assertEquals(200, api().patch("api/users/" + agent.id(), "{\"enabled\":true}", admin).status());
        assertEquals(200, api().post("api/auth/login", "{\"username\":\"" + agent.username() + "\",\"password\":\""
                + agent.password() + "\"}", null).status());
        assertEquals(403, api().get("api/users", supervisor.token()).status());
    }

    @Test
    void onlyAdminsManageUsers() {
        Api.TestUser agent = api().createUser("agent");
        for (Api.Reply reply : List.of(api().get("api/users", agent.token()),
                api().post("api/users", user(unique("x")).build().toString(), agent.token()),
                api().delete("api/users/" + agent.id(), agent.token()),
                api().post("api/clients", "{\"name\":\"x\"}", agent.token()))) {
            assertEquals(403, reply.status(), reply.toString());
            assertTrue(reply.isProblem(), reply.toString());
        }
        Api.Reply none = api().get("api/users", null);
        assertEquals(401, none.status(), none.toString());
        assertTrue(none.isProblem(), none.toString());
    }

    @Test
    void lastEnabledAdminCannotBeDisabledOrDemoted() {
        String admin = api().adminToken();
        Api.TestUser second = api().createUser("admin");
        // Another admin exists: it can be demoted and disabled.
        assertEquals(200, api().patch("api/users/" + second.id(), "{\"role\":\"agent\"}", admin).status());
        assertEquals(200, api().patch("api/users/" + second.id(), "{\"role\":\"admin\"}", admin).status());
        // Disable every other enabled admin (left by other tests too), so that "admin" is the last one.
        List<JsonObject> users = api().get("api/users?limit=500", admin).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).toList();
        String adminId = null;
        for (JsonObject u : users) {
            if (u.getString("username").equals("admin")) {
                adminId = u.getString("id");
            } else if (u.getString("role").equals("admin") && u.getBoolean("enabled")) {
                assertEquals(204, api().delete("api/users/" + u.getString("id"), admin).status());
            }
        }
        Api.Reply disable = api().delete("api/users/" + adminId, admin);
        assertEquals(409, disable.status(), disable.toString());
        assertTrue(disable.isProblem(), disable.toString());
        Api.Reply demote = api().patch("api/users/" + adminId, "{\"role\":\"supervisor\"}", admin);
        assertEquals(409, demote.status(), demote.toString());
        Api.Reply self = api().get("api/users/" + adminId, admin);
        assertEquals(200, self.status(), "the admin and its token are unchanged: " + self);
        assertEquals("admin", self.json().getString("role"));
        assertTrue(self.json().getBoolean("enabled"));
    }
}
