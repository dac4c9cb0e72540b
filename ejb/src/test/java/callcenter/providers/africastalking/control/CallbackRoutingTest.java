package callcenter.providers.africastalking.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import callcenter.calls.entity.CallStatus;
import callcenter.providers.africastalking.control.CallbackRouting.Again;
import callcenter.providers.africastalking.control.CallbackRouting.NewSession;

/** How a voice callback is routed (api.md section 4), without a database. */
class CallbackRoutingTest {

    private static final String APP = "myapp";
    /** Stands in for the phone-number rules: numbers starting with + or 0 are numbers, anything else is not. */
    private static final UnaryOperator<String> E164 = raw -> raw.startsWith("+") ? raw
            : raw.startsWith("0") ? "+254" + raw.substring(1) : null;

    private static VoiceCallback callback(String... namesAndValues) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return new VoiceCallback(form);
    }

    @Test
    void aNewSessionIsAnInboundCallABrowsersCallOrNothing() {
        assertEquals(NewSession.INBOUND, CallbackRouting.newSession(callback("isActive", "1", "direction", "Inbound")));
        assertEquals(NewSession.FROM_BROWSER, CallbackRouting.newSession(callback("isActive", "1",
                "direction", "Inbound", "clientDialedNumber", "0711000111")));
        assertEquals(NewSession.IGNORE, CallbackRouting.newSession(callback("isActive", "0", "direction", "Inbound")),
                "the final callback of a session never followed");
        assertEquals(NewSession.IGNORE, CallbackRouting.newSession(callback("isActive", "1", "direction", "Outbound")));
    }

    @Test
    void aFurtherCallbackDialsTheAgentsOnlyWhileTheInboundCallWaits() {
        VoiceCallback again = callback("isActive", "1", "direction", "Inbound");
        assertEquals(Again.DIAL_AGENTS, CallbackRouting.again(CallStatus.WAITING, true, again));
        assertEquals(Again.NOTHING, CallbackRouting.again(CallStatus.ACTIVE, true, again));
        for (CallStatus done : List.of(CallStatus.ENDED, CallStatus.MISSED, CallStatus.FAILED)) {
            assertEquals(Again.NOTHING, CallbackRouting.again(done, true, again), done.name());
            assertEquals(Again.NOTHING, CallbackRouting.again(done, false, again), "a final call never moves back");
        }
    }

    @Test
    void anOutboundCallDialsWhatTheBrowserDialedOrConnectsTheAgentOnceAnswered() {
        assertEquals(Again.DIAL_DIALED, CallbackRouting.again(CallStatus.DIALING, false,
                callback("isActive", "1", "clientDialedNumber", "0711000111")));
        assertEquals(Again.CONNECT_AGENT, CallbackRouting.again(CallStatus.DIALING, false,
                callback("isActive", "1", "direction", "Outbound")));
    }

    @Test
    void aBrowserDialsAnotherBrowserAsItIsAndANumberInE164() {
        Predicate<String> known = "agent_2"::equals;
        assertEquals("myapp.agent_2", CallbackRouting.dialTarget("myapp.agent_2", APP, E164, known));
        assertEquals("+254711000111", CallbackRouting.dialTarget("0711000111", APP, E164, known));
        assertNull(CallbackRouting.dialTarget("otherapp.agent_2", APP, E164, known));
        assertNull(CallbackRouting.dialTarget(null, APP, E164, known));
    }

    @Test
    void nothingButOneKnownClientOrOnePhoneNumberIsEverDialed() {
        Predicate<String> known = name -> true;
        for (String hostile : List.of("myapp.agent_2,+1900555000", "myapp.agent_2\" /><Dial phoneNumbers=\"+1900",
                "sip:evil@attacker.example", "+254711000111,+1900555000", "0711000111;ext=1", "myapp.", "myapp.a b",
                "myapp." + "a".repeat(65), "' OR '1'='1", "<Reject/>", "")) {
            assertNull(CallbackRouting.dialTarget(hostile, APP, E164, known), hostile);
        }
        assertNull(CallbackRouting.dialTarget("myapp.agent_9", APP, E164, "agent_2"::equals), "not a client we issued");
    }

    @Test
    void theAgentOfABrowserCallIsNamedByItsAddress() {
        assertEquals("agent_1", CallbackRouting.clientNameOf("myapp.agent_1", APP));
        assertNull(CallbackRouting.clientNameOf("+254711000111", APP));
        assertNull(CallbackRouting.clientNameOf(null, APP));
        assertEquals("myapp.agent_1", CallbackRouting.clientAddress(APP, "agent_1"));
    }

    @Test
    void theCallerIdIsTheNumberOfOursThatWasCalledElseOurFirst() {
        List<String> ours = List.of("+254711082000", "+254711082001");
        assertEquals("+254711082001", CallbackRouting.callerId(callback("destinationNumber", "+254711082001"), ours));
        assertEquals("+254711082000", CallbackRouting.callerId(callback("destinationNumber", "+254700000000"), ours));
        assertNull(CallbackRouting.callerId(callback("destinationNumber", "+254711082001"), List.of()));
    }

    @Test
    void theFinalCallbackEndsWithAtsCauseDurationAndCost() {
        VoiceCallback done = callback("isActive", "0", "hangupCause", "NORMAL_CLEARING", "durationInSeconds", "42.4",
                "amount", "0.4", "currencyCode", "KES", "callerNumber", "+254722000111");
        assertEquals("normal_clearing", CallbackRouting.hangupCause(done));
        assertEquals("unspecified", CallbackRouting.hangupCause(callback("isActive", "0")));
        assertEquals(42, CallbackRouting.seconds(done.get("durationInSeconds")));
        assertNull(CallbackRouting.seconds("x"));
        assertNull(CallbackRouting.seconds(null));
        var data = CallbackRouting.endedData(done);
        assertEquals("0.4", data.getString("amount"));
        assertEquals("KES", data.getString("currencyCode"));
        assertTrue(!data.containsKey("callerNumber") && !data.containsKey("hangupCause"), data.toString());
    }
}
