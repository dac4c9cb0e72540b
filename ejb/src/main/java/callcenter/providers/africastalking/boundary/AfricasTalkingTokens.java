package callcenter.providers.africastalking.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.common.Actor;
import callcenter.common.CallCenterException;
import callcenter.platform.PhoneNumbers;
import callcenter.providers.africastalking.control.AfricasTalkingSettings;
import callcenter.providers.africastalking.control.AtClient;
import callcenter.providers.africastalking.control.CapabilityToken;
import callcenter.users.boundary.CarrierIdentities;

/** {@code POST /api/africastalking/capability-token}: WebRTC capability tokens for agents' browsers. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AfricasTalkingTokens {

    @Inject
    AtClient client;

    @Inject
    AfricasTalkingSettings at;

    @Inject
    PhoneNumbers phoneNumbers;

    @Inject
    CarrierIdentities users;

    /** A token for a client name; an agent only for its own (supervisors and admins for any). */
    public IssuedToken capabilityToken(TokenRequest request, Actor caller) {
        String phone = request.phoneNumber() == null ? null : phoneNumbers.normalize(request.phoneNumber(), "phoneNumber");
        if (!caller.isUser()) {
            throw CallCenterException.forbidden("Capability tokens are for agents, supervisors and admins");
        }
        String own = users.enabled(caller.id()).atClientName();
        String clientName = request.clientName() == null ? own : request.clientName();
        if (!caller.seesAll() && !clientName.equals(own)) {
            throw CallCenterException.forbidden("An agent may get a capability token only for its own client name ("
                    + own + ")");
        }
        at.apiKey();
        if (at.sandbox()) {
            throw CallCenterException.badRequest("Africa's Talking has no WebRTC sandbox: capability tokens need a live"
                    + " account (AT_USERNAME other than sandbox and AT_SANDBOX not true)");
        }
        if (phone == null) {
            phone = at.firstPhoneNumber();
        }
        CapabilityToken token = client.capabilityToken(clientName, phone, !Boolean.FALSE.equals(request.incoming()),
                !Boolean.FALSE.equals(request.outgoing()),
                request.lifeTimeSec() == null ? CapabilityToken.MAX_LIFETIME_SECONDS : request.lifeTimeSec());
        return new IssuedToken(token.token(), phone, token.clientName(), token.lifeTimeSec(), token.incoming(),
                token.outgoing());
    }
}
