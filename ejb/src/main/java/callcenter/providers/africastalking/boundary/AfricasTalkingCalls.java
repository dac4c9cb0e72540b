package callcenter.providers.africastalking.boundary;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;

import callcenter.calls.boundary.CarrierCalls;
import callcenter.calls.entity.CallLog;
import callcenter.common.Actor;
import callcenter.common.JsonP;
import callcenter.idempotency.boundary.IdempotencyKeys;
import callcenter.idempotency.boundary.IdempotencyRecords;
import callcenter.platform.PhoneNumbers;
import callcenter.providers.CarrierNumbers;
import callcenter.providers.CarrierReplays;
import callcenter.providers.ProviderException;
import callcenter.providers.africastalking.control.AfricasTalkingSettings;
import callcenter.providers.africastalking.control.AtClient;
import callcenter.providers.africastalking.control.CapabilityToken;
import callcenter.providers.africastalking.control.VoiceCall;
import callcenter.users.boundary.CarrierIdentities;

/**
 * {@code POST /api/africastalking/make-call}: logs an outbound call and answers how to place it, a WebRTC token for
 * the agent's browser or, when no token can be had (an API client, the sandbox, AT refusing the token), the Voice
 * API call itself. Both failing is a 502 (504 on a timeout) and the call is kept as {@code failed}. With an
 * Idempotency-Key a retry answers the first answer again. No transaction is held open while AT is asked.
 */
@Stateless
public class AfricasTalkingCalls {

    private static final Logger LOG = Logger.getLogger(AfricasTalkingCalls.class.getName());
    /** The operation name in Idempotency-Key fingerprints. */
    static final String MAKE_CALL = "africastalking.make-call";
    /** How long after make-call a browser-placed call is still matched to the call make-call logged. */
    static final Duration PENDING_OUTBOUND = Duration.ofMinutes(15);

    @Inject
    AtClient client;

    @Inject
    AfricasTalkingSettings at;

    @Inject
    CarrierCalls calls;

    @Inject
    PhoneNumbers phoneNumbers;

    @Inject
    CarrierNumbers numbers;

    @Inject
    IdempotencyRecords idempotency;

    @Inject
    CarrierIdentities users;

    @Resource
    SessionContext context;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public MadeCall makeCall(MakeCall request, String idempotencyKey, Actor caller) {
        CarrierNumbers.requireDialer(caller);
        String to = phoneNumbers.normalize(request.to(), "to");
        String key = IdempotencyKeys.check(idempotencyKey);
        at.apiKey();
        at.username();
        at.firstPhoneNumber();
        String from = numbers.callerNumber(request.from(), at.phoneNumbers(), "AT_PHONE_NUMBERS");
        String principal = caller.principalKey();
        if (key != null) {
            IdempotencyRecords.Claim claim = idempotency.claim(principal, key, MakeCallReplays.fingerprint(MAKE_CALL, request));
            if (!claim.fresh()) {
                return MakeCallReplays.replay(claim);
            }
        }
        UUID callId = UUID.randomUUID();
        try {
            MadeCall answer = place(callId, request, to, from, caller);
            if (key != null) {
                idempotency.complete(principal, key, 200, callId, MakeCallReplays.stored(answer));
            }
            return answer;
        } catch (RuntimeException e) {
            throw CarrierReplays.settle(idempotency, principal, key, callId, e);
        }
    }

    private MadeCall place(UUID callId, MakeCall request, String to, String from, Actor caller) {
        String clientName = caller.isUser() ? users.enabled(caller.id()).atClientName() : null;
        JsonObjectBuilder detail = JsonP.createObjectBuilder().add("destination", to).add("from", from);
        if (request.record() != null) {
            detail.add("record", request.record());
        }
        if (request.callbackUrl() != null) {
            detail.add("callbackUrl", request.callbackUrl().trim());
        }
        calls.carrierOutbound(callId, CallLog.CHANNEL_AFRICASTALKING, AtClient.PROVIDER, null, to,
                caller.isUser() ? caller.id() : null, caller.isClient() ? caller.id() : null, caller.principalKey(),
                detail.build());
        String webrtcError;
        if (clientName == null) {
            webrtcError = "An API client has no WebRTC client";
        } else if (at.sandbox()) {
            webrtcError = "Africa's Talking has no WebRTC sandbox";
        } else {
            try {
                CapabilityToken token = client.capabilityToken(clientName, from, true, true,
                        CapabilityToken.MAX_LIFETIME_SECONDS);
                calls.carrierEvent(callId, "provider.capability_token", JsonP.createObjectBuilder()
                        .add("clientName", token.clientName()).add("lifeTimeSec", token.lifeTimeSec()).build());
                return MadeCall.webRtc(callId, token.token(), from, token.clientName(), to);
            } catch (ProviderException e) {
                webrtcError = e.detail();
                LOG.info(() -> "No WebRTC token for call " + callId + ", falling back to the Voice API: " + e.detail());
            }
        }
        return placeByVoiceApi(callId, to, from, webrtcError);
    }

    private MadeCall placeByVoiceApi(UUID callId, String to, String from, String webrtcError) {
        VoiceCall voice;
        try {
            voice = client.call(from, to, callId.toString());
        } catch (ProviderException e) {
            calls.carrierFailed(callId, e.hangupCause(), JsonP.createObjectBuilder().add("error", e.detail())
                    .add("webrtcError", webrtcError).build());
            throw e;
        }
        List<MadeCall.Entry> entries = voice.entries().stream().map(e -> new MadeCall.Entry(
                nullToEmpty(e.phoneNumber()), nullToEmpty(e.status()), e.sessionId())).toList();
        MadeCall.Voice answer = MadeCall.voice(callId, to, entries);
        context.getBusinessObject(AfricasTalkingCalls.class).voiceQueued(answer, voice.sessionId(), webrtcError);
        return answer;
    }

    /** The Voice API queued the call: the call follows AT's session from now on. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void voiceQueued(MadeCall.Voice answer, String sessionId, String webrtcError) {
        calls.attachSession(answer.callId(), CallLog.CHANNEL_AFRICASTALKING, sessionId);
        JsonObjectBuilder data = JsonP.createObjectBuilder().add("entries", MakeCallReplays.json(answer.entries()));
        if (webrtcError != null) {
            data.add("webrtcError", webrtcError);
        }
        calls.carrierEvent(answer.callId(), "provider.call", data.build());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
