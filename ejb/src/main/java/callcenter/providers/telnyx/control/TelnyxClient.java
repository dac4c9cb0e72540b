package callcenter.providers.telnyx.control;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import callcenter.common.JsonP;
import callcenter.providers.CarrierErrorMapper;
import callcenter.providers.ProviderCalls;
import callcenter.providers.ProviderException;

/**
 * Calls Telnyx through {@link ProviderCalls}. Every failure leaves as {@link ProviderException}: an error answer 502
 * with Telnyx's detail, a timeout 504. The API key travels only in the Authorization header and never appears in a
 * message. Holds no transaction: callers commit what they logged before calling.
 */
@ApplicationScoped
public class TelnyxClient {

    public static final String PROVIDER = "telnyx";
    /** Telnyx's error answers as 502s with its words. */
    public static final CarrierErrorMapper ERRORS = new CarrierErrorMapper(PROVIDER, "Telnyx", TelnyxJson::errorWords);

    /** Telnyx's answer to a Dial: the ids of the new leg. */
    public record Dialed(String callControlId, String callLegId, String callSessionId) {
    }

    @Inject
    TelnyxSettings telnyx;

    @Inject
    ProviderCalls requests;

    /** {@code POST /calls}: dials {@code to} from {@code from}; webhooks of the leg go to {@code webhookUrl}. */
    public Dialed dial(String to, String from, String webhookUrl, String commandId, String clientState) {
        String apiKey = telnyx.apiKey();
        JsonObjectBuilder body = JsonP.createObjectBuilder()
                .add("connection_id", telnyx.connectionId())
                .add("to", to)
                .add("from", from)
                .add("webhook_url", webhookUrl)
                .add("command_id", commandId);
        if (clientState != null) {
            body.add("client_state", clientState);
        }
        JsonObject request = body.build();
        JsonObject answer = call(api -> api.dial(bearer(apiKey), request), apiKey, "dial", "dial");
        JsonObject data = answer.get("data") instanceof JsonObject d ? d : null;
        String id = data == null ? null : TelnyxJson.text(data.get("call_control_id"));
        if (id == null) {
            // A 2xx without a leg id is not a placed call.
            throw ProviderException.error(PROVIDER, "Telnyx answered the dial request without a call_control_id");
        }
        return new Dialed(id, TelnyxJson.text(data.get("call_leg_id")),
                TelnyxJson.text(data.get("call_session_id")));
    }

    /** {@code POST /calls/{id}/actions/{action}} with {@code body} plus {@code command_id}. */
    public void command(String callControlId, String action, JsonObject body, String commandId) {
        String apiKey = telnyx.apiKey();
        JsonObject request = JsonP.createObjectBuilder(body).add("command_id", commandId).build();
        call(api -> api.action(bearer(apiKey), callControlId, action, request), apiKey, action, action);
    }

    /** {@code POST /telephony_credentials/{id}/token}: a JWT for the browser SDK (answered as plain text). */
    public String token(String credentialId) {
        String apiKey = telnyx.apiKey();
        String token = call(api -> api.token(bearer(apiKey), credentialId), apiKey, "webrtc-token", "WebRTC token");
        if (token == null || token.isBlank()) {
            throw ProviderException.error(PROVIDER, "Telnyx answered the WebRTC token request without a token");
        }
        return token.trim();
    }

    private <R> R call(Function<TelnyxApi, R> request, String apiKey, String operation, String what) {
        return requests.send(ERRORS, telnyx.apiUrl(), TelnyxApi.class, operation, what, apiKey, request);
    }

    /** The address of a Telnyx SIP user (a WebRTC client), as a transfer's {@code to}. */
    public static String sipUri(String user) {
        return "sip:" + user + "@sip.telnyx.com";
    }

    private static String bearer(String apiKey) {
        return "Bearer " + apiKey;
    }
}
