package callcenter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class OpenApiPathsTest {

    @Test
    void eachResourcePathBelongsToTheApplicationThatServesIt() {
        Map<String, String> served = OpenApiPaths.servedPaths();
        assertEquals("/api/calls/{id}/accept", served.get("POST /calls/{id}/accept"));
        assertEquals("/api/auth/login", served.get("POST /auth/login"));
        assertEquals("/webhooks/africastalking/voice", served.get("POST /africastalking/voice"));
        assertEquals("/api/africastalking/make-call", served.get("POST /africastalking/make-call"));
        assertEquals("/health/ready", served.get("GET /ready"));
        // One path, two applications: the SMS list is an API call, the SMS webhook a carrier's.
        assertEquals("/api/sms", served.get("GET /sms"));
        assertEquals("/webhooks/sms", served.get("POST /sms"));
        assertEquals("/webhooks/voice", served.get("POST /voice"));
        assertEquals("/api/voice/calls/outbound", served.get("POST /voice/calls/outbound"));
    }

    @Test
    void theScannersPrefixIsDroppedWhicheverApplicationItChose() {
        assertEquals("/calls/{id}", OpenApiPaths.relative("/webhooks/calls/{id}"));
        assertEquals("/ready", OpenApiPaths.relative("/api/ready"));
        assertEquals("/unknown", OpenApiPaths.relative("/unknown"));
    }
}
