package callcenter.providers.africastalking.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import callcenter.common.CallCenterException;
import callcenter.providers.ProviderException;

class AfricasTalkingWireTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void tokenRequestSendsExpireWithTrailingS() {
        JsonObject request = CapabilityToken.request("myapp", "agent_1", "+254711000111", true, false, 7200);
        assertEquals("7200s", request.getString("expire"));
        assertEquals("myapp", request.getString("username"));
        assertFalse(request.containsKey("lifeTimeSec"));
        assertFalse(request.getBoolean("outgoing"));
    }

    @Test
    void tokenAnswerReadsLifeTimeGivenAsString() {
        CapabilityToken token = CapabilityToken.from(json("{\"clientName\":\"John\",\"incoming\":true,"
                + "\"lifeTimeSec\":\"86400\",\"outgoing\":\"false\",\"token\":\"ATCAPtkn_1\"}"), "x", true, true, 10);
        assertEquals(86400, token.lifeTimeSec());
        assertEquals("John", token.clientName());
        assertFalse(token.outgoing());
        assertEquals("ATCAPtkn_1", token.token());
    }

    @Test
    void tokenAnswerWithoutTokenIsAProviderError() {
        ProviderException e = assertThrows(ProviderException.class, () -> CapabilityToken.from(
                json("{\"errorMessage\":\"Invalid phoneNumber\"}"), "x", true, true, 10));
        assertEquals(502, e.status());
        assertTrue(e.detail().contains("Invalid phoneNumber"), e.detail());
    }

    @Test
    void voiceAnswerNeedsNoneAsErrorMessageAndAQueuedEntry() {
        VoiceCall ok = VoiceCall.from(json("{\"entries\":[{\"phoneNumber\":\"+254720123123\",\"status\":\"Queued\","
                + "\"sessionId\":\"ATVId_1\"}],\"errorMessage\":\"None\"}"));
        assertEquals("ATVId_1", ok.sessionId());
        ProviderException refused = assertThrows(ProviderException.class, () -> VoiceCall.from(
                json("{\"entries\":[],\"errorMessage\":\"Invalid callerId\"}")));
        assertTrue(refused.detail().contains("Invalid callerId"));
        ProviderException notQueued = assertThrows(ProviderException.class, () -> VoiceCall.from(json(
                "{\"entries\":[{\"phoneNumber\":\"+254720123123\",\"status\":\"InsufficientCredit\",\"sessionId\":\"None\"}],"
                        + "\"errorMessage\":\"None\"}")));
        assertTrue(notQueued.detail().contains("InsufficientCredit"), notQueued.detail());
    }

    @Test
    void errorAnswersKeepAtsWords() {
        assertEquals("Africa's Talking answered 401: The supplied authentication is invalid",
                AtClient.ERRORS.message(401, "The supplied authentication is invalid"));
        assertEquals("Africa's Talking answered 400: Invalid clientName",
                AtClient.ERRORS.message(400, "{\"errorMessage\":\"Invalid clientName\"}"));
        assertTrue(AtClient.ERRORS.message(500, "x".repeat(2000)).length() < 600);
    }

    @Test
    void sandboxByFlagOrUsername() {
        assertTrue(AfricasTalkingSettings.sandbox(null, "Sandbox"));
        assertTrue(AfricasTalkingSettings.sandbox("true", "myapp"));
        assertFalse(AfricasTalkingSettings.sandbox("false", "myapp"));
        assertEquals(AfricasTalkingSettings.SANDBOX_VOICE, AfricasTalkingSettings.voiceBase(null, true));
        assertEquals(AfricasTalkingSettings.LIVE_VOICE, AfricasTalkingSettings.voiceBase(" ", false));
        assertEquals("http://fake/voice", AfricasTalkingSettings.voiceBase("http://fake/voice", true));
        assertEquals(List.of("+254711000111", "+254711000222"),
                AfricasTalkingSettings.phoneNumbers(" +254711000111, ,+254711000222 "));
    }

    @Test
    void missingSettingIs503NamingTheVariable() {
        CallCenterException e = AfricasTalkingSettings.missing("at.callback-secret");
        assertEquals(503, e.status());
        assertTrue(e.detail().endsWith("AT_CALLBACK_SECRET"), e.detail());
    }

    @Test
    void fingerprintIgnoresFieldOrderButNotValues() {
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("sessionId", List.of("ATVId_1"));
        a.put("isActive", List.of("0"));
        Map<String, List<String>> b = new LinkedHashMap<>();
        b.put("isActive", List.of("0"));
        b.put("sessionId", List.of("ATVId_1"));
        assertEquals(new VoiceCallback(a).fingerprint(), new VoiceCallback(b).fingerprint());
        b.put("isActive", List.of("1"));
        assertNotEquals(new VoiceCallback(a).fingerprint(), new VoiceCallback(b).fingerprint());
        // "a=bc" and "ab=c" must not collide
        assertNotEquals(new VoiceCallback(Map.of("a", List.of("bc"))).fingerprint(),
                new VoiceCallback(Map.of("ab", List.of("c"))).fingerprint());
    }

    @Test
    void callbackReadsAtsFields() {
        VoiceCallback browser = new VoiceCallback(Map.of("isActive", List.of("1"), "sessionId", List.of("S"),
                "direction", List.of("Inbound"), "clientDialedNumber", List.of("+254711000111")));
        assertTrue(browser.fromBrowser());
        assertTrue(browser.inbound());
        assertFalse(browser.isFinal());
        assertEquals("S", browser.toJson().getString("sessionId"));
    }

    @Test
    void actionXmlEscapesAndDialsAllAtOnce() {
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial phoneNumbers=\"app.a,app.b\"/></Response>",
                ActionXml.dial(List.of("app.a", "app.b"), null));
        assertTrue(ActionXml.dial(List.of("+254711000111"), "+254700\"x").contains("callerId=\"+254700&quot;x\""));
        assertTrue(ActionXml.say("a < b & c").contains("<Say>a &lt; b &amp; c</Say>"));
    }
}
