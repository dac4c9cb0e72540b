package callcenter.providers.africastalking.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import callcenter.idempotency.boundary.IdempotencyRecords.Claim;
import callcenter.providers.CarrierReplays;
import callcenter.providers.ProviderException;

/** make-call's answers: their JSON, their fingerprints and their replays under an Idempotency-Key. */
class MakeCallReplaysTest {

    private static final UUID CALL = UUID.fromString("0b7c3a53-52a4-4b0a-a8a3-3b1e6a1a4d10");

    @Test
    void theWebrtcAnswerHasTodaysShape() {
        MadeCall answer = MadeCall.webRtc(CALL, "ATCAPtkn_1", "+254711082000", "agent_1", "+254711000111");
        assertEquals("{\"callId\":\"" + CALL + "\",\"token\":\"ATCAPtkn_1\",\"phoneNumber\":\"+254711082000\","
                + "\"clientName\":\"agent_1\",\"destination\":\"+254711000111\",\"callType\":\"webrtc\"}",
                MakeCallReplays.stored(answer));
    }

    @Test
    void theVoiceAnswerWritesAMissingSessionAsNull() {
        MadeCall answer = MadeCall.voice(CALL, "+254711000222", List.of(
                new MadeCall.Entry("+254711000222", "Queued", "ATVId_1"),
                new MadeCall.Entry("", "InvalidPhoneNumber", null)));
        assertEquals("{\"callId\":\"" + CALL + "\",\"callType\":\"voice\",\"destination\":\"+254711000222\","
                + "\"entries\":[{\"phoneNumber\":\"+254711000222\",\"status\":\"Queued\",\"sessionId\":\"ATVId_1\"},"
                + "{\"phoneNumber\":\"\",\"status\":\"InvalidPhoneNumber\",\"sessionId\":null}]}",
                MakeCallReplays.stored(answer));
    }

    @Test
    void aStoredAnswerIsGivenAgainAsItWas() {
        MadeCall webrtc = MadeCall.webRtc(CALL, "ATCAPtkn_1", "+254711082000", "agent_1", "+254711000111");
        MadeCall voice = MadeCall.voice(CALL, "+254711000222",
                List.of(new MadeCall.Entry("+254711000222", "Queued", null)));
        for (MadeCall answer : List.of(webrtc, voice)) {
            assertEquals(answer, MakeCallReplays.replay(new Claim(false, 200, CALL, MakeCallReplays.stored(answer))));
        }
    }

    @Test
    void aStoredRefusalIsTheSameErrorNamingTheCall() {
        for (ProviderException first : List.of(ProviderException.error("africastalking", "AT said no"),
                ProviderException.timeout("africastalking", "AT was silent"))) {
            Claim claim = new Claim(false, first.status(), CALL, CarrierReplays.stored(first));
            ProviderException again = assertThrows(ProviderException.class, () -> MakeCallReplays.replay(claim));
            assertEquals(first.status(), again.status());
            assertEquals(first.detail(), again.detail());
            assertEquals(CALL, again.extensions().get("callId"));
        }
    }

    @Test
    void theFingerprintIsOfTheParsedRequest() {
        String plain = MakeCallReplays.fingerprint("op", new MakeCall("0711000333", null, null, null));
        assertEquals(plain, MakeCallReplays.fingerprint("op", new MakeCall("0711000333", null, null, null)));
        assertNotEquals(plain, MakeCallReplays.fingerprint("op", new MakeCall("0711000334", null, null, null)));
        assertNotEquals(plain, MakeCallReplays.fingerprint("op", new MakeCall("0711000333", null, false, null)));
        assertNotEquals(plain, MakeCallReplays.fingerprint("other", new MakeCall("0711000333", null, null, null)));
    }
}
