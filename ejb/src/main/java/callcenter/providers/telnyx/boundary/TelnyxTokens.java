package callcenter.providers.telnyx.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.common.Actor;
import callcenter.common.CallCenterException;
import callcenter.providers.telnyx.control.TelnyxClient;
import callcenter.providers.telnyx.control.TelnyxSettings;
import callcenter.users.boundary.CarrierIdentities;

/** {@code POST /api/voice/webrtc-token}: logins for the Telnyx browser SDK of agents, supervisors and admins. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TelnyxTokens {

    @Inject
    TelnyxClient client;

    @Inject
    TelnyxSettings telnyx;

    @Inject
    CarrierIdentities users;

    /** From the user's own Telnyx credential when it has one, else TELNYX_CREDENTIAL_ID. */
    public WebRtcToken webrtcToken(Actor caller) {
        if (!caller.isUser()) {
            throw CallCenterException.forbidden("WebRTC tokens are for agents, supervisors and admins");
        }
        String own = users.enabled(caller.id()).telnyxCredentialId();
        telnyx.apiKey();
        return new WebRtcToken(client.token(own == null ? telnyx.credentialId() : own));
    }
}
