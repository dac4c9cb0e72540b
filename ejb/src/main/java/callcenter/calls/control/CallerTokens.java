package callcenter.calls.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.common.Times;
import callcenter.platform.Settings;
import callcenter.platform.security.TokenIssuer;

/**
 * The callerToken of an app call: signed for one call, for at most a day, and refused from an hour after its call
 * ended whatever its {@code exp} says.
 */
@Stateless
public class CallerTokens {

    /** A caller's token is refused from this long after its call ended. */
    static final Duration GRACE_AFTER_END = Duration.ofHours(1);
    static final Duration MAX_TTL = Duration.ofHours(24);

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenIssuer tokens;

    @Inject
    Settings settings;

    /**
     * Signed after the call's transaction committed: an RSA signature takes milliseconds, and inside the transaction
     * it would delay the commit and with it every agent's {@code call:incoming}.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String sign(UUID callId) {
        Instant now = Times.now();
        return tokens.caller(callId, now, now.plus(ttl(Duration.ofMinutes(settings.tokenTtlMinutes())))).token();
    }

    /** Whether a callerToken of this call is still honoured: the call exists and did not end over an hour ago. */
    public boolean stillValid(UUID callId) {
        List<Instant> ended = em.createQuery("SELECT c.endedAt FROM CallLog c WHERE c.id = :id", Instant.class)
                .setParameter("id", callId)
                .getResultList();
        return !ended.isEmpty() && stillValid(ended.get(0), Times.now());
    }

    static boolean stillValid(Instant endedAt, Instant now) {
        return endedAt == null || now.isBefore(endedAt.plus(GRACE_AFTER_END));
    }

    /** The user tokens' lifetime, capped at a day. */
    static Duration ttl(Duration configured) {
        return configured.compareTo(MAX_TTL) > 0 ? MAX_TTL : configured;
    }
}
