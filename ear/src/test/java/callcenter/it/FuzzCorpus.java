package callcenter.it;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * A seeded generator of hostile requests and WebSocket frames: the same seed gives the same corpus, so a failure
 * seen once can be replayed ({@code -Dfuzz.seed=<seed>}). Each endpoint is described by a valid request (its
 * template); the corpus breaks that request in one way at a time, so that an answer names what it could not take.
 */
final class FuzzCorpus {

    /** How an endpoint takes its body. */
    enum Body { JSON, FORM, NONE }

    /**
     * One endpoint with a request it would accept.
     *
     * @param template the valid fields (strings), sent as JSON or as a form
     * @param carrier  whether it calls a carrier, so that a 502/504 from the fake carrier is a legal answer
     * @param signed   whether the IT must sign the body as Telnyx does (webhooks), so that the fuzz reaches the parsing
     * @param wrap     puts the JSON object of the fields into the body the endpoint takes (a webhook's envelope)
     */
    record Endpoint(String method, String path, String token, Body body, Map<String, String> template,
                    boolean carrier, boolean signed, UnaryOperator<String> wrap) {

        Endpoint(String method, String path, String token, Body body, Map<String, String> template, boolean carrier,
                 boolean signed) {
            this(method, path, token, body, template, carrier, signed, UnaryOperator.identity());
        }

        static Endpoint json(String method, String path, String token, Map<String, String> template) {
            return new Endpoint(method, path, token, Body.JSON, template, false, false);
        }

        Endpoint viaCarrier() {
            return new Endpoint(method, path, token, body, template, true, signed, wrap);
        }

        Endpoint wrapped(UnaryOperator<String> envelope) {
            return new Endpoint(method, path, token, body, template, carrier, signed, envelope);
        }
    }

    /** One request of the corpus; {@code label} says which endpoint and which break, for the failure report. */
    record Case(String label, Endpoint endpoint, String method, String path, String contentType, byte[] body) {
    }

    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1' --", "1; DROP TABLE calls; --", "\" OR \"\"=\"", "') UNION SELECT password_hash FROM users --",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "${jndi:ldap://127.0.0.1:1/a}",
            "#{7*7}${7*7}", "../../../../etc/passwd", "%00%0d%0aSet-Cookie: x=y", "\r\nX-Injected: 1",
            "callcenter.x@evil.example.com", "sip:evil@attacker.example", "+254711000111,+1900555000",
            "<Dial phoneNumbers=\"+1900\"/>", "]]><Reject/>", "$(reboot)", "`id`", "{{7*7}}", "\\u0000");

    /** Strings that are valid JSON but hard on a database or a renderer. */
    static final List<String> UNICODE = List.of(
            "nul\u0000inside", "\u0000", "lone \ud800 high", "lone \udfff low", "\udc00\ud800 reversed",
            "four-byte \ud83d\ude00\ud834\udd1e", "rtl \u202eevil\u202c", "\ufeffbom", "zero\u200bwidth",
            "\uffff\ufffe", "combining e\u0301\u0301\u0301", "\u0007bell\u001b[31m");

    private static final List<String> WRONG_METHODS = List.of("TRACE", "OPTIONS", "PUT", "PATCH", "DELETE", "GET",
            "POST", "HEAD");

    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/json; charset=bogus", "application/json; charset=ISO-8859-1", "multipart/form-data",
            "application/x-www-form-urlencoded", "application/json; charset=", "application/json;;;=", "*/*",
            "application/octet-stream", "text/html; charset=utf-32", "application/vnd.evil+json; charset=bogus",
            "application/x-www-form-urlencoded; charset=bogus", "garbage");

    private final Random random;

    FuzzCorpus(long seed) {
        this.random = new Random(seed);
    }

    /** About 15 broken requests per endpoint. */
    List<Case> cases(List<Endpoint> endpoints) {
        List<Case> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            cases.addAll(casesOf(endpoint));
        }
        return cases;
    }

    private List<Case> casesOf(Endpoint e) {
        List<Case> cases = new ArrayList<>();
        String type = e.body() == Body.FORM ? "application/x-www-form-urlencoded" : "application/json";
        String wrongMethod = pick(WRONG_METHODS.stream().filter(m -> !m.equals(e.method())).toList());
        cases.add(new Case("wrong method " + wrongMethod, e, wrongMethod, e.path(), type, encode(e, e.template())));
        cases.add(new Case("TRACE", e, "TRACE", e.path(), null, new byte[0]));
        cases.add(new Case("OPTIONS", e, "OPTIONS", e.path(), null, new byte[0]));
        cases.add(new Case("path garbage", e, e.method(), mangledPath(e.path(), pick(PATH_GARBAGE)), type,
                encode(e, e.template())));
        // A NUL in a path parameter that is not a UUID reaches a query as text: every endpoint gets one.
        cases.add(new Case("path NUL", e, e.method(), mangledPath(e.path(), "%00"), type, encode(e, e.template())));
        if (e.body() == Body.NONE) {
            cases.add(new Case("random bytes", e, e.method(), e.path(), pick(WRONG_CONTENT_TYPES), randomBytes()));
            cases.add(new Case("query garbage", e, e.method(), e.path() + (e.path().contains("?") ? "&" : "?")
                    + pick(List.of("limit=-1", "limit=abc", "limit=999999999999", "cursor=%25zz", "cursor=AAAA",
                    "status=bogus", "from=yesterday", "to=%00", "limit=", "phoneNumber=%27%20OR%201%3D1",
                    "agentId=not-a-uuid", "channel=%ff%fe")), null, new byte[0]));
            return cases;
        }
        cases.add(new Case("random bytes", e, e.method(), e.path(), type, randomBytes()));
        cases.add(new Case("empty body", e, e.method(), e.path(), type, new byte[0]));
        cases.add(new Case("no content type", e, e.method(), e.path(), null, encode(e, e.template())));
        String wrongType = pick(WRONG_CONTENT_TYPES.stream().filter(t -> !t.equals(type)).toList());
        cases.add(new Case("content type " + wrongType, e, e.method(), e.path(), wrongType, encode(e, e.template())));
        cases.add(new Case("charset bogus", e, e.method(), e.path(), type + "; charset=bogus", encode(e, e.template())));
        cases.add(new Case("bad UTF-8", e, e.method(), e.path(), type, badUtf8(e)));
        if (e.body() == Body.JSON) {
            cases.add(new Case("nested 10000 deep", e, e.method(), e.path(), type, deep(10_000)));
            cases.add(new Case("not an object", e, e.method(), e.path(), type, bytes(pick(List.of("[]", "\"x\"",
                    "42", "null", "true", "[{}]", "{", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "NaN", "1e999999999")))));
        } else {
            cases.add(new Case("undecodable form", e, e.method(), e.path(), type, bytes(pick(List.of("%zz", "a=%",
                    "=%zz&x", "%", "a=%e9", "a=%ff%fe", "&&&==&", "a=%C0%AF")) + "&" + form(e.template()))));
        }
        for (String field : e.template().keySet()) {
            cases.add(mutate(e, field, "injection", pick(INJECTIONS)));
            cases.add(mutate(e, field, "unicode", pick(UNICODE)));
            if (random.nextInt(3) == 0) {
                cases.add(mutate(e, field, "huge", "x".repeat(random.nextBoolean() ? 70_000 : 5_000 + random.nextInt(30_000))));
            }
            if (random.nextInt(3) == 0) {
                cases.add(mutate(e, field, "empty", ""));
            }
            if (e.body() == Body.JSON) {
                cases.add(mutateJson(e, field, pick(List.of(JsonValue.TRUE, Json.createValue(-1),
                        Json.createValue(1e308), Json.createArrayBuilder().add("a").build(), JsonValue.EMPTY_JSON_OBJECT,
                        Json.createValue(12345678901234567890.0)))));
            }
        }
        return cases;
    }

    private Case mutate(Endpoint e, String field, String how, String value) {
        Map<String, String> fields = new LinkedHashMap<>(e.template());
        fields.put(field, value);
        return new Case(how + " in " + field, e, e.method(), e.path(),
                e.body() == Body.FORM ? "application/x-www-form-urlencoded" : "application/json", encode(e, fields));
    }

    private static Case mutateJson(Endpoint e, String field, JsonValue value) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        e.template().forEach((k, v) -> json.add(k, k.equals(field) ? value : Json.createValue(v)));
        return new Case("wrong type " + value.getValueType() + " in " + field, e, e.method(), e.path(),
                "application/json", bytes(e.wrap().apply(json.build().toString())));
    }

    private static final List<String> PATH_GARBAGE = List.of("not-a-uuid", "%00", "..%2F..%2Fetc", "%25zz",
            "'%20OR%201=1", "x".repeat(3000), "%ED%A0%80", "%F0%9F%98%80", "00000000-0000-0000-0000-00000000000g",
            ";jsessionid=x", "%2e%2e");

    private static String mangledPath(String path, String garbage) {
        int query = path.indexOf('?');
        String plain = query < 0 ? path : path.substring(0, query);
        String tail = query < 0 ? "" : path.substring(query);
        int slash = plain.lastIndexOf('/');
        // Replace the id segment where there is one (…/{id}/accept), else the last segment.
        String[] segments = plain.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (segments[i].matches("[0-9a-fA-F-]{20,}|v3:.*|[A-Za-z0-9_-]{20,}")) {
                segments[i] = garbage;
                return String.join("/", segments) + tail;
            }
        }
        return plain.substring(0, slash + 1) + garbage + tail;
    }

    /** The frames a socket gets: every client event broken in one way, unknown events and non-JSON. */
    List<String> frames(List<String> events, String callId) {
        List<String> frames = new ArrayList<>();
        frames.add(new String(randomBytes(), StandardCharsets.ISO_8859_1));
        frames.add("not json at all");
        frames.add("[\"agent:register\"]");
        frames.add("{\"event\":42,\"data\":{}}");
        frames.add("{\"data\":{}}");
        frames.add("{\"event\":\"\"}");
        frames.add("{\"event\":\"agent:register\",\"data\":\"text\"}");
        frames.add(new String(deep(2_000), StandardCharsets.UTF_8));
        frames.add("{\"event\":\"no:such:event\",\"data\":{}}");
        frames.add("{\"event\":\"" + pick(INJECTIONS).replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"data\":{}}");
        for (String event : events) {
            frames.add(frame(event, Json.createObjectBuilder().add("callId", pick(List.of(JsonValue.TRUE,
                    Json.createValue(7), JsonValue.EMPTY_JSON_OBJECT, Json.createValue("not-a-uuid"),
                    Json.createValue(pick(INJECTIONS)))))
                    .add("status", Json.createValue(pick(List.of("busy", "offline", "", "AVAILABLE", pick(INJECTIONS)))))
                    .add("sdp", 1).add("candidate", JsonValue.TRUE).add("extension", Json.createArrayBuilder())
                    .add("microphone", 5).add("audio", "yes").build()));
            frames.add(frame(event, Json.createObjectBuilder().add("callId", java.util.UUID.randomUUID().toString())
                    .add("status", "sleeping").add("sdp", "x".repeat(20_000 + random.nextInt(20_000)))
                    .add("candidate", pick(UNICODE)).add("extension", 12).add("microphone", "maybe").add("audio", 1)
                    .build()));
            // With the socket's own call, call:ended would be a valid event: it is broken in the other two frames only.
            if (callId != null && !event.equals("call:ended")) {
                frames.add(frame(event, Json.createObjectBuilder().add("callId", callId).add("status", 3)
                        .add("sdp", JsonValue.EMPTY_JSON_OBJECT).add("candidate", 9).add("extension", JsonValue.TRUE)
                        .add("microphone", JsonValue.NULL).build()));
            }
        }
        return frames;
    }

    private static String frame(String event, JsonObject data) {
        return escapeLoneSurrogates(Json.createObjectBuilder().add("event", event).add("data", data).build().toString());
    }

    private byte[] encode(Endpoint e, Map<String, String> fields) {
        if (e.body() == Body.FORM) {
            return bytes(form(fields));
        }
        JsonObjectBuilder json = Json.createObjectBuilder();
        fields.forEach(json::add);
        return bytes(e.wrap().apply(json.build().toString()));
    }

    private static String form(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&").append(k).append('=')
                // A lone surrogate cannot be encoded: it goes as the '?' the encoder substitutes, the rest verbatim.
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return form.toString();
    }

    /** A valid request whose first field holds bytes that are not UTF-8 (a raw lone surrogate, a bare 0xFF...). */
    private byte[] badUtf8(Endpoint e) {
        byte[] bad = pick(List.of(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xC3, (byte) 0x28}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82}));
        String marker = "BADUTF8MARK";
        Map<String, String> fields = new LinkedHashMap<>(e.template());
        String first = fields.keySet().iterator().next();
        fields.put(first, marker);
        byte[] body = encode(e, fields);
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(bad);
        out.write(body, at + marker.length(), body.length - at - marker.length());
        return out.toByteArray();
    }

    static byte[] deep(int depth) {
        StringBuilder json = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            json.append(i % 2 == 0 ? "{\"a\":" : "[");
        }
        json.append("1");
        for (int i = depth - 1; i >= 0; i--) {
            json.append(i % 2 == 0 ? "}" : "]");
        }
        return bytes(json.toString());
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(2_000)];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static byte[] bytes(String text) {
        return escapeLoneSurrogates(text).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * JSON text with every unpaired surrogate written as a {@code \\uXXXX} escape: valid JSON that decodes to a lone
     * surrogate on the server (UTF-8 cannot carry one; the encoder would send '?').
     */
    static String escapeLoneSurrogates(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
