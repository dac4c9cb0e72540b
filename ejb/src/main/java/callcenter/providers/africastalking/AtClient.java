package callcenter.providers.africastalking;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Form;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

import callcenter.platform.Settings;
import callcenter.providers.ProviderCalls;
import callcenter.providers.ProviderException;

/**
 * Calls AT over MicroProfile REST Client. The clients are built per call from the settings (the voice host depends
 * on the sandbox switch), with connect and read timeouts of {@code CALLCENTER_PROVIDER_TIMEOUT_SECONDS}. Every
 * failure leaves as {@link ProviderException}: an error answer 502, a timeout 504. The API key travels only in the
 * {@code apiKey} header and never appears in a message.
 */
@ApplicationScoped
public class AtClient {

    public static final String PROVIDER = "africastalking";

    @Inject
    AfricasTalkingSettings at;

    @Inject
    Settings settings;

    @Inject
    ProviderCalls metered;

    /** {@code POST {AT_WEBRTC_URL}/capability-token/request}. */
    public CapabilityToken capabilityToken(String clientName, String phoneNumber, boolean incoming, boolean outgoing,
                                           int lifeTimeSec) {
        String apiKey = at.apiKey();
        JsonObject request = CapabilityToken.request(at.username(), clientName, phoneNumber, incoming, outgoing,
                lifeTimeSec);
        JsonObject answer = metered.time(PROVIDER, "capability-token", () -> call(at.webrtcUrl(), AtWebRtcApi.class,
                api -> api.capabilityToken(apiKey, request), apiKey, "capability token"));
        return CapabilityToken.from(answer, clientName, incoming, outgoing, lifeTimeSec);
    }

    /** {@code POST {AT_VOICE_URL}/call}, form-encoded, tagged with our call id as {@code clientRequestId}. */
    public VoiceCall call(String from, String to, String clientRequestId) {
        String apiKey = at.apiKey();
        Form form = new Form().param("username", at.username()).param("from", from).param("to", to)
                .param("clientRequestId", clientRequestId);
        JsonObject answer = metered.time(PROVIDER, "voice-call", () -> call(at.voiceUrl(), AtVoiceApi.class,
                api -> api.call(apiKey, form), apiKey, "voice call"));
        return VoiceCall.from(answer);
    }

    private <T extends AutoCloseable> JsonObject call(URI base, Class<T> api, Function<T, JsonObject> request,
                                                      String apiKey, String what) {
        int timeout = settings.providerTimeoutSeconds();
        T client = RestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(timeout, TimeUnit.SECONDS)
                .readTimeout(timeout, TimeUnit.SECONDS)
                .register(AtErrorMapper.class)
                .build(api);
        try (client) {
            JsonObject answer = request.apply(client);
            if (answer == null) {
                throw ProviderException.error(PROVIDER, "Africa's Talking answered the " + what + " request with no body");
            }
            return answer;
        } catch (ProviderException e) {
            throw e;
        } catch (Exception e) {
            throw translate(e, what, timeout, apiKey);
        }
    }

    static ProviderException translate(Throwable failure, String what, int timeoutSeconds, String apiKey) {
        return ProviderException.ofFailure(PROVIDER, "Africa's Talking", failure, what, timeoutSeconds, apiKey);
    }
}
