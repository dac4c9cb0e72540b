package callcenter.providers.africastalking.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The answer to {@code POST /api/africastalking/capability-token}. */
@JsonbPropertyOrder({"token", "phoneNumber", "clientName", "lifeTimeSec", "incoming", "outgoing"})
public record IssuedToken(String token, String phoneNumber, String clientName, int lifeTimeSec, boolean incoming,
                          boolean outgoing) {
}
