package callcenter.providers.africastalking.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.Test;

class IssuedTokenTest {

    @Test
    void aCapabilityTokenAnswerHasTodaysShape() throws Exception {
        try (var jsonb = JsonbBuilder.create()) {
            assertEquals("{\"token\":\"ATCAPtkn_1\",\"phoneNumber\":\"+254711082000\",\"clientName\":\"agent_1\","
                    + "\"lifeTimeSec\":86400,\"incoming\":true,\"outgoing\":false}",
                    jsonb.toJson(new IssuedToken("ATCAPtkn_1", "+254711082000", "agent_1", 86400, true, false)));
        }
    }
}
