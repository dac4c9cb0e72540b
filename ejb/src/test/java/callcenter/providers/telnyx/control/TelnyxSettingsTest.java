package callcenter.providers.telnyx.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import callcenter.common.CallCenterException;

class TelnyxSettingsTest {

    private final Map<String, String> values = new HashMap<>();
    private final TelnyxSettings settings = new TelnyxSettings(name -> Optional.ofNullable(values.get(name)));

    @Test
    void missingSettingIs503NamingTheEnvironmentVariable() {
        CallCenterException e = assertThrows(CallCenterException.class, settings::apiKey);
        assertEquals(503, e.status());
        assertTrue(e.detail().contains("TELNYX_API_KEY"), e.detail());
        assertEquals("TELNYX_API_KEY", e.extensions().get("setting"));
        values.put("telnyx.connection-id", "   ");
        assertTrue(assertThrows(CallCenterException.class, settings::connectionId).detail()
                .contains("TELNYX_CONNECTION_ID"));
        assertTrue(assertThrows(CallCenterException.class, settings::backendUrl).detail().contains("BACKEND_URL"));
        assertTrue(assertThrows(CallCenterException.class, settings::webrtcUsername).detail()
                .contains("TELNYX_WEBRTC_USERNAME"));
        assertTrue(assertThrows(CallCenterException.class, settings::credentialId).detail()
                .contains("TELNYX_CREDENTIAL_ID"));
        assertTrue(assertThrows(CallCenterException.class, settings::phoneNumber).detail()
                .contains("TELNYX_PHONE_NUMBER"));
        assertTrue(assertThrows(CallCenterException.class, settings::publicKey).detail().contains("TELNYX_PUBLIC_KEY"));
    }

    @Test
    void apiUrlDefaultsToTheLiveV2BaseAndLosesTrailingSlashes() {
        assertEquals("https://api.telnyx.com/v2", settings.apiUrl().toString());
        values.put("telnyx.api-url", "http://127.0.0.1:18990/v2/");
        assertEquals("http://127.0.0.1:18990/v2", settings.apiUrl().toString());
        values.put("telnyx.api-url", "ftp://example.com");
        assertEquals(503, assertThrows(CallCenterException.class, settings::apiUrl).status());
    }

    @Test
    void publicKeyMustBe32BytesOfBase64() {
        values.put("telnyx.public-key", "jrMBoswHlhhVx2W2Www72WU/xn4UMpjreslD0m2u0qs=");
        assertEquals(32, settings.publicKey().length);
        values.put("telnyx.public-key", "c2hvcnQ=");
        CallCenterException e = assertThrows(CallCenterException.class, settings::publicKey);
        assertEquals(503, e.status());
        assertTrue(e.detail().contains("TELNYX_PUBLIC_KEY"));
    }

    @Test
    void healthListsMissingEssentials() {
        assertEquals(List.of("TELNYX_API_KEY", "TELNYX_CONNECTION_ID", "TELNYX_PUBLIC_KEY", "BACKEND_URL"),
                settings.missingEssentials());
        values.put("telnyx.api-key", "KEY");
        values.put("telnyx.connection-id", "1");
        values.put("telnyx.public-key", "x");
        values.put("backend-url", "https://cc.example.com");
        assertEquals(List.of(), settings.missingEssentials());
    }
}
