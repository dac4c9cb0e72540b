package callcenter.web.africastalking;

import static callcenter.web.json.Bodies.errors;
import static callcenter.web.json.Bodies.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import callcenter.common.FieldError;
import callcenter.providers.africastalking.boundary.MakeCall;
import callcenter.providers.africastalking.boundary.TokenRequest;

/** The bodies of the Africa's Talking endpoints as they are bound: the seed's names, AT's loose flags, one 400. */
class AfricasTalkingRequestsTest {

    @Test
    void makeCallAcceptsTheSeedsNamesAndFlagsAsStrings() {
        MakeCall call = read("{\"to\":\"0711000111\",\"from_\":\"+254711000222\","
                + "\"callback_url\":\"https://example.com/cb\",\"record\":\"true\"}", MakeCallRequest.class).command();
        assertEquals(new MakeCall("0711000111", "+254711000222", true, "https://example.com/cb"), call);
        assertEquals(false, read("{\"to\":\"0711000111\",\"record\":false}", MakeCallRequest.class).command().record());
        assertEquals("+254711000333", read("{\"to\":\"0711000111\",\"from\":\"+254711000333\",\"from_\":\"+254711000222\"}",
                MakeCallRequest.class).command().from(), "the own name wins over the alias");
    }

    @Test
    void makeCallNamesEveryBadFieldInOneAnswer() {
        assertEquals(List.of(new FieldError("callbackUrl", "must be an http or https URL"),
                        new FieldError("record", "must be true or false"), new FieldError("to", "is required")),
                errors("{\"callbackUrl\":\"ftp://x\",\"record\":3}", MakeCallRequest.class));
        assertEquals(List.of("from", "to"), errors("{\"to\":\"12\",\"from_\":\"nope\"}", MakeCallRequest.class)
                .stream().map(FieldError::field).toList());
        assertEquals("callbackUrl", errors("{\"to\":\"0711000111\",\"callbackUrl\":\"https:///nohost\"}",
                MakeCallRequest.class).get(0).field());
    }

    @Test
    void aTokenRequestMayBeEmptyAndUsesTheSeedsNames() {
        assertEquals(new TokenRequest(null, null, null, null, null),
                read("", CapabilityTokenRequest.class).command());
        assertEquals(new TokenRequest("agent_1", "0711000111", false, true, 3600),
                read("{\"client_name\":\"agent_1\",\"phone_number\":\"0711000111\",\"incoming\":\"false\","
                        + "\"outgoing\":true,\"life_time_sec\":3600}", CapabilityTokenRequest.class).command());
        assertNull(read("{}", CapabilityTokenRequest.class).command().clientName());
    }

    @Test
    void aTokenRequestRefusesNamesWithSpacesAndLifetimesAtDoesNotGrant() {
        assertEquals(List.of("clientName", "incoming", "lifeTimeSec", "phoneNumber"),
                errors("{\"clientName\":\"has space\",\"incoming\":\"yes\",\"lifeTimeSec\":999999,"
                        + "\"phoneNumber\":\"12\"}", CapabilityTokenRequest.class).stream().map(FieldError::field).toList());
        assertEquals(List.of(new FieldError("lifeTimeSec", CapabilityTokenRequest.LIFETIME)),
                errors("{\"lifeTimeSec\":59}", CapabilityTokenRequest.class));
        assertEquals(List.of(new FieldError("lifeTimeSec", "must be a whole number")),
                errors("{\"lifeTimeSec\":1.5}", CapabilityTokenRequest.class));
    }
}
