package callcenter.providers.africastalking.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import callcenter.common.JsonP;
import callcenter.providers.ProviderException;

/**
 * A WebRTC capability token as AT answers it ({@code 201 {"clientName","incoming","lifeTimeSec":"86400",
 * "outgoing","token"}}). {@code lifeTimeSec} comes as a string and the booleans sometimes as strings, so both are
 * read leniently.
 */
public record CapabilityToken(String token, String clientName, int lifeTimeSec, boolean incoming, boolean outgoing) {

    public static final int MAX_LIFETIME_SECONDS = 86_400;

    /** The request body: {@code expire} is a string with a trailing {@code s}, as AT documents it. */
    static JsonObject request(String username, String clientName, String phoneNumber, boolean incoming,
                              boolean outgoing, int lifeTimeSec) {
        return JsonP.createObjectBuilder()
                .add("username", username)
                .add("clientName", clientName)
                .add("phoneNumber", phoneNumber)
                .add("incoming", incoming)
                .add("outgoing", outgoing)
                .add("expire", lifeTimeSec + "s")
                .build();
    }

    /** Reads AT's answer; an answer without a token is a provider error, never a success. */
    static CapabilityToken from(JsonObject answer, String requestedClientName, boolean incoming, boolean outgoing,
                                int requestedLifeTime) {
        String token = string(answer.get("token"));
        if (token == null || token.isBlank()) {
            String message = string(answer.get("errorMessage"));
            throw ProviderException.error(AtClient.PROVIDER, "Africa's Talking gave no capability token"
                    + (message == null ? "" : ": " + message));
        }
        String clientName = string(answer.get("clientName"));
        Integer lifeTime = integer(answer.get("lifeTimeSec"));
        return new CapabilityToken(token, clientName == null ? requestedClientName : clientName,
                lifeTime == null ? requestedLifeTime : lifeTime,
                bool(answer.get("incoming"), incoming), bool(answer.get("outgoing"), outgoing));
    }

    static String string(JsonValue value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value.toString();
    }

    static Integer integer(JsonValue value) {
        if (value instanceof JsonNumber n) {
            return n.intValue();
        }
        String text = string(value);
        if (text == null) {
            return null;
        }
        try {
            return (int) Double.parseDouble(text.trim().replaceAll("s$", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean bool(JsonValue value, boolean fallback) {
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        String text = string(value);
        return text == null ? fallback : Boolean.parseBoolean(text.trim());
    }
}
