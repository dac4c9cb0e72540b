package callcenter.providers.africastalking.boundary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.agents.boundary.PresenceService;
import callcenter.calls.boundary.CallView;
import callcenter.calls.boundary.CarrierCalls;
import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;
import callcenter.calls.entity.HangupCauses;
import callcenter.common.CallCenterException;
import callcenter.common.JsonP;
import callcenter.common.Times;
import callcenter.providers.CarrierNumbers;
import callcenter.providers.africastalking.control.ActionXml;
import callcenter.providers.africastalking.control.AfricasTalkingSettings;
import callcenter.providers.africastalking.control.AtClient;
import callcenter.providers.africastalking.control.CallbackLog;
import callcenter.providers.africastalking.control.CallbackRouting;
import callcenter.providers.africastalking.control.VoiceCallback;
import callcenter.users.boundary.CarrierIdentities;
import callcenter.users.boundary.CarrierIdentity;

/**
 * {@code POST /webhooks/africastalking/voice}: AT's voice callbacks become calls and changes of calls, and each is
 * answered with the ActionXML that routes the call (api.md section 4). Callbacks of one session are handled one at a
 * time on every node, so a session never gets two calls; an exact repeat gets the first reply and changes nothing.
 */
@Stateless
public class AfricasTalkingCallbacks {

    private static final Logger LOG = Logger.getLogger(AfricasTalkingCallbacks.class.getName());

    @Inject
    AfricasTalkingSettings at;

    @Inject
    CarrierCalls calls;

    @Inject
    CallbackLog log;

    @Inject
    PresenceService presence;

    @Inject
    CarrierIdentities users;

    @Inject
    CarrierNumbers numbers;

    /** Constant-time check of the {@code secret} query parameter; wrong or missing → 403. */
    public void checkSecret(String given) {
        byte[] expected = at.callbackSecret().getBytes(StandardCharsets.UTF_8);
        byte[] actual = given == null ? new byte[0] : given.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw CallCenterException.forbidden("Wrong or missing callback secret");
        }
    }

    /** One voice callback (its form fields); answers the ActionXML for AT. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public String callback(String secret, Map<String, List<String>> form) {
        checkSecret(secret);
        VoiceCallback callback = new VoiceCallback(form);
        String session = callback.sessionId();
        if (session == null) {
            throw CallCenterException.invalid("sessionId", "is required");
        }
        if (session.length() > 128) {
            throw CallCenterException.invalid("sessionId", "must be at most 128 characters");
        }
        log.lockSession(session);
        String fingerprint = callback.fingerprint();
        Optional<String> earlier = log.earlierReply(session, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Outcome outcome = handle(callback, session);
        log.answered(session, fingerprint, outcome.reply(), outcome.callId());
        return outcome.reply();
    }

    private record Outcome(String reply, UUID callId) {
    }

    private Outcome handle(VoiceCallback callback, String session) {
        Optional<CallView> known = calls.bySession(session).or(() -> byClientRequestId(callback, session));
        if (known.isPresent()) {
            CallView call = known.get();
            calls.carrierEvent(call.id(), "provider.callback", callback.toJson());
            return new Outcome(callback.isFinal() ? ended(call, callback) : again(call, callback), call.id());
        }
        return switch (CallbackRouting.newSession(callback)) {
            case INBOUND -> inbound(callback, session);
            case FROM_BROWSER -> fromBrowser(callback, session);
            case IGNORE -> {
                LOG.fine(() -> "Nothing to do for an Africa's Talking callback of unknown session " + session);
                yield new Outcome(ActionXml.empty(), null);
            }
        };
    }

    /** A call to one of our numbers: waiting, offered to the agents, and their browsers rung together. */
    private Outcome inbound(VoiceCallback callback, String session) {
        String caller = callback.get("callerNumber");
        var detail = JsonP.createObjectBuilder().add("sessionId", session);
        if (callback.get("destinationNumber") != null) {
            detail.add("destinationNumber", callback.get("destinationNumber"));
        }
        CallView call = calls.carrierInbound(CallLog.CHANNEL_AFRICASTALKING, AtClient.PROVIDER, session,
                CarrierNumbers.truncate(caller, 200), numbers.e164OrNull(caller), detail.build());
        calls.carrierEvent(call.id(), "provider.callback", callback.toJson());
        return new Outcome(dialAgents(call.id()), call.id());
    }

    /** The Dial for every available agent's browser, or the apology and a missed call when there is none. */
    private String dialAgents(UUID callId) {
        List<String> clients = users.atClientNamesOf(presence.availableAgentIds());
        if (clients.isEmpty()) {
            calls.carrierEnded(callId, HangupCauses.NO_AGENT_AVAILABLE, 0, AtClient.PROVIDER,
                    JsonP.createObjectBuilder().build());
            return ActionXml.say(ActionXml.NOBODY_AVAILABLE);
        }
        String username = at.username();
        return ActionXml.dial(clients.stream().map(c -> CallbackRouting.clientAddress(username, c)).toList(), null);
    }

    /** A call an agent's browser placed: dial the number it dialed, logged as that agent's outbound call. */
    private Outcome fromBrowser(VoiceCallback callback, String session) {
        String username = at.username();
        String callerNumber = callback.get("callerNumber");
        String clientName = CallbackRouting.clientNameOf(callerNumber, username);
        UUID agent = clientName == null ? null : users.userOfAtClientName(clientName).orElse(null);
        String target = dialTarget(callback, username);
        if (agent == null || target == null) {
            LOG.info(() -> "Rejected an Africa's Talking browser call of an unknown client or to an invalid number,"
                    + " session " + session);
            return new Outcome(ActionXml.reject(), null);
        }
        String phone = CallbackRouting.clientNameOf(target, username) != null ? null : target;
        UUID callId = phone == null ? null : pendingCallOf(agent, phone, session);
        if (callId == null) {
            callId = UUID.randomUUID();
            calls.carrierOutbound(callId, CallLog.CHANNEL_AFRICASTALKING, AtClient.PROVIDER, session, phone, agent,
                    null, AtClient.PROVIDER, JsonP.createObjectBuilder().add("destination", target)
                            .add("from", callerNumber).build());
        }
        calls.carrierEvent(callId, "provider.callback", callback.toJson());
        return new Outcome(ActionXml.dial(List.of(target), CallbackRouting.callerId(callback, at.phoneNumbers())),
                callId);
    }

    /** What the browser dialed, if it is one of our clients or a phone number; else null (the call is rejected). */
    private String dialTarget(VoiceCallback callback, String username) {
        return CallbackRouting.dialTarget(callback.get("clientDialedNumber"), username, numbers::e164OrNull,
                client -> users.userOfAtClientName(client).isPresent());
    }

    /** The call make-call logged for this agent and number moments ago, now following this session; else null. */
    private UUID pendingCallOf(UUID agent, String phone, String session) {
        return calls.pendingOutbound(CallLog.CHANNEL_AFRICASTALKING, agent, phone,
                        Times.now().minus(AfricasTalkingCalls.PENDING_OUTBOUND))
                .filter(pending -> calls.attachSession(pending.id(), CallLog.CHANNEL_AFRICASTALKING, session))
                .map(CallView::id).orElse(null);
    }

    /** A further in-session callback of a call we know. */
    private String again(CallView call, VoiceCallback callback) {
        CallStatus status = CallStatus.fromWire(call.status()).orElseThrow();
        String username = at.username();
        return switch (CallbackRouting.again(status, CallLog.INBOUND.equals(call.direction()), callback)) {
            case NOTHING -> ActionXml.empty();
            case DIAL_AGENTS -> dialAgents(call.id());
            case DIAL_DIALED -> {
                String target = dialTarget(callback, username);
                yield target == null ? ActionXml.reject()
                        : ActionXml.dial(List.of(target), CallbackRouting.callerId(callback, at.phoneNumbers()));
            }
            case CONNECT_AGENT -> {
                calls.carrierAnswered(call.id());
                Optional<String> client = Optional.ofNullable(call.agent()).flatMap(a -> users.of(a.id()))
                        .filter(CarrierIdentity::enabled).map(CarrierIdentity::atClientName);
                yield client.map(c -> ActionXml.dial(List.of(CallbackRouting.clientAddress(username, c)), null))
                        .orElse(ActionXml.empty());
            }
        };
    }

    /** The final callback: the call ends with AT's duration, cause and cost (a final call stays as it is). */
    private String ended(CallView call, VoiceCallback callback) {
        calls.carrierEnded(call.id(), CallbackRouting.hangupCause(callback),
                CallbackRouting.seconds(callback.get("durationInSeconds")), AtClient.PROVIDER,
                CallbackRouting.endedData(callback));
        return ActionXml.empty();
    }

    /** Our own Voice API call, tagged with its call id as clientRequestId, seen for the first time. */
    private Optional<CallView> byClientRequestId(VoiceCallback callback, String session) {
        String requestId = callback.get("clientRequestId");
        if (requestId == null) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(requestId);
            if (calls.attachSession(id, CallLog.CHANNEL_AFRICASTALKING, session)) {
                return calls.bySession(session);
            }
        } catch (IllegalArgumentException notOurs) {
            // a clientRequestId another system set
        }
        return Optional.empty();
    }
}
