package callcenter.providers.telnyx.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.common.Times;
import callcenter.providers.CarrierNumbers;

/**
 * The Telnyx webhooks received, kept (for a week, see {@link WebhookRetention}) to take each event once on every
 * node, and to notice a hangup that overtook its call's {@code call.initiated}. Works inside the webhook's
 * transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class WebhookLog {

    @PersistenceContext
    EntityManager em;

    /** True for the first delivery of this event on any node; a repeat (or a racing copy) changes nothing. */
    public boolean firstDelivery(WebhookEvent event) {
        // ON CONFLICT DO NOTHING (PostgreSQL, and H2 in its PostgreSQL mode): a racing copy waits for the first
        // insert's transaction and then inserts nothing. NULLs are written as literals: an untyped null parameter
        // cannot be bound on PostgreSQL.
        List<Object> values = new ArrayList<>(List.of(event.id(), event.type()));
        StringBuilder sql = new StringBuilder("INSERT INTO telnyx_webhooks (event_id, event_type, call_control_id,"
                + " hangup_cause, received_at) VALUES (?1, ?2");
        for (String optional : new String[] {event.callControlId(), CarrierNumbers.truncate(event.hangupCause(), 64)}) {
            if (optional == null) {
                sql.append(", NULL");
            } else {
                values.add(optional);
                sql.append(", ?").append(values.size());
            }
        }
        values.add(Times.now());
        sql.append(", ?").append(values.size()).append(") ON CONFLICT DO NOTHING");
        var insert = em.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            insert.setParameter(i + 1, values.get(i));
        }
        return insert.executeUpdate() == 1;
    }

    /**
     * The hangup already received for a leg, if any: its cause, or "unspecified" when Telnyx gave none (Telnyx does
     * not order webhooks, so a hangup can come before the leg's {@code call.initiated}).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> earlierHangup(String callControlId) {
        List<?> hangup = received(callControlId, "call.hangup");
        if (hangup.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(hangup.get(0) == null ? WebhookEvent.UNSPECIFIED : (String) hangup.get(0));
    }

    /**
     * Whether Telnyx has reported the leg answered before an agent took the call (an integrator's answer command):
     * such a leg is only transferred to the agent, since Telnyx refuses to answer a call twice.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean answered(String callControlId) {
        return !received(callControlId, "call.answered").isEmpty();
    }

    /** The hangup cause (null for most events) of the first event of this type received for the leg, if any. */
    private List<?> received(String callControlId, String eventType) {
        return em.createNativeQuery("SELECT hangup_cause FROM telnyx_webhooks WHERE call_control_id = ?1"
                        + " AND event_type = ?2").setParameter(1, callControlId).setParameter(2, eventType)
                .setMaxResults(1).getResultList();
    }
}
