package callcenter.it;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

/** A small HTTP client for black-box tests: JSON in, {@link Reply} out. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    private Api(URI base) {
        this.base = base;
    }

    public static Api at(URL base) {
        String url = base == null ? "http://127.0.0.1:" + System.getProperty("it.http.port", "8080") + "/" : base.toString();
        return new Api(URI.create(url.endsWith("/") ? url : url + "/"));
    }

    public URI base() {
        return base;
    }

    public Reply get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Reply post(String path, String json, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)).build());
    }

    public Reply post(String path, String json, String token, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json");
        headers.forEach(builder::header);
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)).build());
    }

    public Reply patch(String path, String json, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Reply delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    /** Any request, for content-type and method tests. */
    public Reply send(String method, String path, String contentType, String body, String token) {
        HttpRequest.Builder builder = request(path, token);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Logs in and returns the bearer token; fails the test if the login does not answer 200. */
    public String login(String username, String password) {
        Reply reply = post("api/auth/login", Json.createObjectBuilder().add("username", username)
                .add("password", password).build().toString(), null);
        if (reply.status() != 200) {
            throw new AssertionError("login of " + username + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.json().getString("token");
    }

    public String adminToken() {
        return login("admin", System.getProperty("it.admin.password"));
    }

    /** Creates a user with a unique name (role agent, supervisor or admin) and returns its token. */
    public TestUser createUser(String role) {
        String username = role + "_" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        Reply reply = post("api/users", Json.createObjectBuilder()
                .add("username", username).add("displayName", "Test " + username).add("password", password)
                .add("extension", "1" + (int) (Math.random() * 1000)).add("role", role).build().toString(), adminToken());
        if (reply.status() != 201) {
            throw new AssertionError("creating " + username + " answered " + reply.status() + ": " + reply.body());
        }
        return new TestUser(reply.json().getString("id"), username, password, login(username, password));
    }

    /**
     * Ends (as admin: {@code missed}) every call still waiting, so that a test counting the calls offered to agents
     * does not see calls an earlier test class left to the ring timeout. Test classes share one database.
     */
    public void endWaitingCalls() {
        String admin = adminToken();
        Reply waiting = get("api/calls?status=waiting&limit=500", admin);
        if (waiting.status() != 200) {
            throw new AssertionError("listing waiting calls answered " + waiting.status() + ": " + waiting.body());
        }
        for (JsonValue call : waiting.json().getJsonArray("items")) {
            // 409 is fine: the ring timeout or the call's own test ended it meanwhile.
            post("api/calls/" + call.asJsonObject().getString("id") + "/end", null, admin);
        }
    }

    /** Creates an API client of the default scope (app: a caller's mobile app) and returns a token for it. */
    public String clientToken() {
        return clientToken(adminToken());
    }

    /** Creates an API client with the given admin's token and returns a client-credentials token for it. */
    public String clientToken(String adminToken) {
        return clientToken(adminToken, null);
    }

    /** Creates an API client of scope integrator (may also use the carriers' call endpoints) and returns a token. */
    public String integratorToken() {
        return clientToken(adminToken(), "integrator");
    }

    private String clientToken(String adminToken, String scope) {
        Reply created = post("api/clients", "{\"name\":\"it-" + UUID.randomUUID() + "\""
                + (scope == null ? "" : ",\"scope\":\"" + scope + "\"") + "}", adminToken);
        if (created.status() != 201) {
            throw new AssertionError("creating a client answered " + created.status() + ": " + created.body());
        }
        String form = "grant_type=client_credentials&client_id=" + created.json().getString("clientId")
                + "&client_secret=" + created.json().getString("clientSecret");
        Reply token = send(request("api/auth/token", null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (token.status() != 200) {
            throw new AssertionError("client token answered " + token.status() + ": " + token.body());
        }
        return token.json().getString("access_token");
    }

    public record TestUser(String id, String username, String password, String token) {
    }

    public record Reply(int status, String contentType, Map<String, java.util.List<String>> headers, String body) {

        public JsonObject json() {
            return (JsonObject) structure();
        }

        public JsonArray array() {
            return (JsonArray) structure();
        }

        private JsonStructure structure() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            } catch (RuntimeException e) {
                throw new AssertionError("not JSON (" + status + " " + contentType + "): " + body, e);
            }
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json") && json().getInt("status") == status
                    && json().containsKey("type") && json().containsKey("title");
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public JsonValue get(String field) {
            return json().get(field);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
