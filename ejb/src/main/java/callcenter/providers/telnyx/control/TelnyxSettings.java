package callcenter.providers.telnyx.control;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import callcenter.common.CallCenterException;
import callcenter.platform.Settings;

/**
 * The Telnyx settings (api.md section 4), read on every use so that the server starts without them and each endpoint
 * answers 503 naming the one it misses. Property {@code telnyx.api-key} is read from {@code TELNYX_API_KEY}, and so
 * on; {@code backend-url} from {@code BACKEND_URL}.
 */
@ApplicationScoped
public class TelnyxSettings {

    static final String LIVE_API = "https://api.telnyx.com/v2";
    static final String API_KEY = "telnyx.api-key";
    static final String CONNECTION_ID = "telnyx.connection-id";
    static final String WEBRTC_USERNAME = "telnyx.webrtc-username";
    static final String WEBRTC_PASSWORD = "telnyx.webrtc-password";
    static final String CREDENTIAL_ID = "telnyx.credential-id";
    static final String API_URL = "telnyx.api-url";
    static final String PUBLIC_KEY = "telnyx.public-key";
    static final String PHONE_NUMBER = "telnyx.phone-number";
    static final String BACKEND_URL = "backend-url";

    /** What the health check calls "configured": enough to place calls and to accept webhooks. */
    static final List<String> ESSENTIAL = List.of(API_KEY, CONNECTION_ID, PUBLIC_KEY, BACKEND_URL);

    private final Function<String, Optional<String>> source;

    public TelnyxSettings() {
        this(name -> ConfigProvider.getConfig(TelnyxSettings.class.getClassLoader())
                .getOptionalValue(name, String.class));
    }

    /** For unit tests: settings from any lookup. */
    TelnyxSettings(Function<String, Optional<String>> source) {
        this.source = source;
    }

    public String apiKey() {
        return required(API_KEY);
    }

    public String connectionId() {
        return required(CONNECTION_ID);
    }

    public String webrtcUsername() {
        return required(WEBRTC_USERNAME);
    }

    public String credentialId() {
        return required(CREDENTIAL_ID);
    }

    public String phoneNumber() {
        return required(PHONE_NUMBER);
    }

    /** TELNYX_API_URL without a trailing slash; it includes {@code /v2}, and {@code /calls} etc. are appended. */
    public URI apiUrl() {
        return url(API_URL, optional(API_URL).orElse(LIVE_API));
    }

    /** BACKEND_URL without a trailing slash: the public base of the webhook URLs given to Telnyx. */
    public URI backendUrl() {
        return url(BACKEND_URL, required(BACKEND_URL));
    }

    /** TELNYX_PUBLIC_KEY: base64 of the raw 32-byte Ed25519 key that signs Telnyx's webhooks. */
    public byte[] publicKey() {
        String value = required(PUBLIC_KEY);
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != WebhookSignature.RAW_KEY_LENGTH) {
            throw CallCenterException.unavailable("Invalid setting " + Settings.environmentName(PUBLIC_KEY)
                    + ": must be the base64 of a 32-byte Ed25519 public key").with("setting",
                    Settings.environmentName(PUBLIC_KEY));
        }
        return raw;
    }

    /** The environment names of the essential settings that are missing; empty when Telnyx is usable. */
    public List<String> missingEssentials() {
        List<String> missing = new ArrayList<>();
        for (String name : ESSENTIAL) {
            if (optional(name).isEmpty()) {
                missing.add(Settings.environmentName(name));
            }
        }
        return missing;
    }

    private static URI url(String name, String value) {
        try {
            URI uri = URI.create(value.replaceAll("/+$", ""));
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw CallCenterException.unavailable("Invalid setting " + Settings.environmentName(name)
                    + ": must be an http(s) URL").with("setting", Settings.environmentName(name));
        }
    }

    private String required(String name) {
        return optional(name).orElseThrow(() -> missing(name));
    }

    static CallCenterException missing(String name) {
        return CallCenterException.unavailable("Telnyx is not configured: missing setting "
                + Settings.environmentName(name)).with("setting", Settings.environmentName(name));
    }

    private Optional<String> optional(String name) {
        return source.apply(name).map(String::trim).filter(v -> !v.isEmpty());
    }
}
