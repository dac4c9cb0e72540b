package callcenter.providers.africastalking.control;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import callcenter.calls.entity.CallStatus;
import callcenter.calls.entity.HangupCauses;
import callcenter.common.JsonP;

/**
 * What a voice callback asks for, decided from the callback and the call it belongs to (api.md section 4): the
 * rules without the database, so that each routing decision can be tested on its own.
 */
public final class CallbackRouting {

    /** A callback of a session no call follows yet. */
    public enum NewSession {
        /** A call to one of our numbers: offer it to the agents. */
        INBOUND,
        /** A call an agent's browser placed: dial the number it dialed. */
        FROM_BROWSER,
        /** Nothing to do (a final callback of a session we never followed, or a direction we do not handle). */
        IGNORE
    }

    /** A further, non-final callback of a call we follow. */
    public enum Again {
        /** The call is over for us, or already with an agent: nothing more to dial. */
        NOTHING,
        /** An inbound call still waiting: ring the available agents again. */
        DIAL_AGENTS,
        /** The agent's browser asks again for the number it dialed. */
        DIAL_DIALED,
        /** The Voice API call was answered: connect the callee to the browser of the agent who placed it. */
        CONNECT_AGENT
    }

    /** The fields of the final callback kept in the {@code ended} timeline entry. */
    static final List<String> FINAL_FIELDS = List.of("durationInSeconds", "amount", "currencyCode",
            "callSessionState", "lastBridgeHangupCause", "recordingUrl");

    private CallbackRouting() {
    }

    public static NewSession newSession(VoiceCallback callback) {
        if (callback.isFinal()) {
            return NewSession.IGNORE;
        }
        if (callback.fromBrowser()) {
            return NewSession.FROM_BROWSER;
        }
        return callback.inbound() ? NewSession.INBOUND : NewSession.IGNORE;
    }

    public static Again again(CallStatus status, boolean inboundCall, VoiceCallback callback) {
        if (status.isFinal()) {
            return Again.NOTHING;
        }
        if (inboundCall) {
            return status == CallStatus.WAITING ? Again.DIAL_AGENTS : Again.NOTHING;
        }
        return callback.fromBrowser() ? Again.DIAL_DIALED : Again.CONNECT_AGENT;
    }

    /** The address AT calls {@code {AT_USERNAME}.{clientName}}: how a Dial reaches an agent's browser. */
    public static String clientAddress(String username, String clientName) {
        return username + "." + clientName;
    }

    /** The client name of a browser's address ({@code callerNumber} of a browser-placed call), else null. */
    public static String clientNameOf(String address, String username) {
        String prefix = username + ".";
        return address != null && address.startsWith(prefix) ? address.substring(prefix.length()) : null;
    }

    /** The client names we issue: the username with every character outside these replaced by {@code _}. */
    private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    /** What a dialed phone number may look like before it is normalized: digits and the usual separators. */
    private static final Pattern DIALED_NUMBER = Pattern.compile("\\+?[0-9][0-9 ()./-]{2,31}");

    /**
     * What to dial for the number a browser dialed: the address of a browser client we issued
     * ({@code knownClient}), a phone number in E.164 ({@code e164OrNull}), or null when it is neither. Whatever
     * reaches a {@code <Dial>} passes here: never a list of targets, a foreign app's client or a SIP address.
     */
    public static String dialTarget(String dialed, String username, UnaryOperator<String> e164OrNull,
                                    Predicate<String> knownClient) {
        if (dialed == null) {
            return null;
        }
        String client = clientNameOf(dialed, username);
        if (client != null) {
            return CLIENT_NAME.matcher(client).matches() && knownClient.test(client) ? dialed : null;
        }
        return DIALED_NUMBER.matcher(dialed).matches() ? e164OrNull.apply(dialed) : null;
    }

    /** The caller id of a Dial: the number of ours that was called, else our first number, else none. */
    public static String callerId(VoiceCallback callback, List<String> ourNumbers) {
        String destination = callback.get("destinationNumber");
        if (destination != null && ourNumbers.contains(destination)) {
            return destination;
        }
        return ourNumbers.isEmpty() ? null : ourNumbers.get(0);
    }

    /** The final callback's cause in the platform's form; AT sometimes sends none. */
    public static String hangupCause(VoiceCallback callback) {
        String cause = HangupCauses.carrier(callback.get("hangupCause"));
        return cause == null ? "unspecified" : cause;
    }

    /** Duration, cost and the like of the final callback, as AT sent them. */
    public static JsonObject endedData(VoiceCallback callback) {
        JsonObjectBuilder data = JsonP.createObjectBuilder();
        for (String field : FINAL_FIELDS) {
            if (callback.get(field) != null) {
                data.add(field, callback.get(field));
            }
        }
        return data.build();
    }

    /** AT's {@code durationInSeconds} ("42", sometimes "42.0") in whole seconds; null when it is not a number. */
    public static Integer seconds(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return (int) Math.round(Double.parseDouble(raw.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
