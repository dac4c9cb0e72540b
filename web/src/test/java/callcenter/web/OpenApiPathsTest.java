package callcenter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class OpenApiPathsTest {

    @Test
    void eachResourcePathBelongsToTheApplicationThatServesIt() {
        Map<String, String> served = OpenApiPaths.servedPaths();
        assertEquals("/api/calls/{id}/accept", served.get("/calls/{id}/accept"));
        assertEquals("/api/auth/login", served.get("/auth/login"));
        assertEquals("/webhooks/africastalking/voice", served.get("/africastalking/voice"));
        assertEquals("/api/africastalking/make-call", served.get("/africastalking/make-call"));
        assertEquals("/health/ready", served.get("/ready"));
        // Same first segment, two applications: the webhook is served at the root of its resource.
        assertEquals("/webhooks/voice", served.get("/voice"));
        assertEquals("/api/voice/calls/outbound", served.get("/voice/calls/outbound"));
    }

    @Test
    void theScannersPrefixIsDroppedWhicheverApplicationItChose() {
        assertEquals("/calls/{id}", OpenApiPaths.relative("/webhooks/calls/{id}"));
        assertEquals("/ready", OpenApiPaths.relative("/api/ready"));
        assertEquals("/unknown", OpenApiPaths.relative("/unknown"));
    }
}
