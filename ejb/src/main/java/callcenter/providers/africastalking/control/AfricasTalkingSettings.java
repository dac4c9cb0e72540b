package callcenter.providers.africastalking.control;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import callcenter.common.CallCenterException;
import callcenter.platform.Settings;

/**
 * The Africa's Talking settings (api.md section 4), read on every use so that the server starts without them and
 * each endpoint answers 503 naming the one it misses. Property {@code at.api-key} is read from {@code AT_API_KEY},
 * and so on.
 */
@ApplicationScoped
public class AfricasTalkingSettings {

    static final String LIVE_VOICE = "https://voice.africastalking.com";
    static final String SANDBOX_VOICE = "https://voice.sandbox.africastalking.com";
    static final String LIVE_WEBRTC = "https://webrtc.africastalking.com";

    public String apiKey() {
        return required("at.api-key");
    }

    public String username() {
        return required("at.username");
    }

    /** AT_PHONE_NUMBERS, a comma list; empty when unset. */
    public List<String> phoneNumbers() {
        return phoneNumbers(optional("at.phone-numbers").orElse(""));
    }

    /** The first of AT_PHONE_NUMBERS: the default caller number and token number. */
    public String firstPhoneNumber() {
        List<String> numbers = phoneNumbers();
        if (numbers.isEmpty()) {
            throw missing("at.phone-numbers");
        }
        return numbers.get(0);
    }

    public boolean sandbox() {
        return sandbox(optional("at.sandbox").orElse(null), username());
    }

    public URI voiceUrl() {
        return url("at.voice-url", voiceBase(optional("at.voice-url").orElse(null), sandbox()));
    }

    public URI webrtcUrl() {
        return url("at.webrtc-url", optional("at.webrtc-url").orElse(LIVE_WEBRTC));
    }

    public String callbackSecret() {
        return required("at.callback-secret");
    }

    static List<String> phoneNumbers(String raw) {
        return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** AT_SANDBOX=true, or the username {@code sandbox} in any case (as AT's own SDKs decide). */
    static boolean sandbox(String flag, String username) {
        return (flag != null && Boolean.parseBoolean(flag.trim())) || "sandbox".equalsIgnoreCase(username.trim());
    }

    /** AT_VOICE_URL when set, else the sandbox or live voice host. */
    static String voiceBase(String configured, boolean sandbox) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        return sandbox ? SANDBOX_VOICE : LIVE_VOICE;
    }

    private static URI url(String name, String value) {
        try {
            // No trailing slash: the REST client appends "/call" and "/capability-token/request".
            URI uri = URI.create(value.replaceAll("/+$", ""));
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw CallCenterException.unavailable("Invalid setting " + Settings.environmentName(name)
                    + ": must be an http(s) URL");
        }
    }

    private static String required(String name) {
        return optional(name).orElseThrow(() -> missing(name));
    }

    static CallCenterException missing(String name) {
        return CallCenterException.unavailable("Africa's Talking is not configured: missing setting "
                + Settings.environmentName(name)).with("setting", Settings.environmentName(name));
    }

    private static Optional<String> optional(String name) {
        return ConfigProvider.getConfig(AfricasTalkingSettings.class.getClassLoader())
                .getOptionalValue(name, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }
}
