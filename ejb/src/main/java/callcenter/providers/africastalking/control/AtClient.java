package callcenter.providers.africastalking.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Form;

import callcenter.providers.CarrierErrorMapper;
import callcenter.providers.ProviderCalls;
import callcenter.providers.ProviderException;

/**
 * Calls AT through {@link ProviderCalls}: the clients are built per call from the settings (the voice host depends
 * on the sandbox switch). Every failure leaves as {@link ProviderException}: an error answer 502, a timeout 504. The
 * API key travels only in the {@code apiKey} header and never appears in a message.
 */
@ApplicationScoped
public class AtClient {

    public static final String PROVIDER = "africastalking";
    /**
     * AT's error answers as 502s with its words: the {@code errorMessage} (else {@code message}) of a JSON body, or
     * the text of a plain one such as {@code The supplied authentication is invalid}.
     */
    public static final CarrierErrorMapper ERRORS = new CarrierErrorMapper(PROVIDER, "Africa's Talking",
            AtClient::errorWords);

    @Inject
    AfricasTalkingSettings at;

    @Inject
    ProviderCalls requests;

    /** {@code POST {AT_WEBRTC_URL}/capability-token/request}. */
    public CapabilityToken capabilityToken(String clientName, String phoneNumber, boolean incoming, boolean outgoing,
                                           int lifeTimeSec) {
        String apiKey = at.apiKey();
        JsonObject request = CapabilityToken.request(at.username(), clientName, phoneNumber, incoming, outgoing,
                lifeTimeSec);
        JsonObject answer = requests.send(ERRORS, at.webrtcUrl(), AtWebRtcApi.class, "capability-token",
                "capability token", apiKey, api -> api.capabilityToken(apiKey, request));
        return CapabilityToken.from(answer, clientName, incoming, outgoing, lifeTimeSec);
    }

    /** {@code POST {AT_VOICE_URL}/call}, form-encoded, tagged with our call id as {@code clientRequestId}. */
    public VoiceCall call(String from, String to, String clientRequestId) {
        String apiKey = at.apiKey();
        Form form = new Form().param("username", at.username()).param("from", from).param("to", to)
                .param("clientRequestId", clientRequestId);
        JsonObject answer = requests.send(ERRORS, at.voiceUrl(), AtVoiceApi.class, "voice-call", "voice call", apiKey,
                api -> api.call(apiKey, form));
        return VoiceCall.from(answer);
    }

    private static String errorWords(JsonObject body) {
        String error = CapabilityToken.string(body.get("errorMessage"));
        return error != null ? error : CapabilityToken.string(body.get("message"));
    }
}
