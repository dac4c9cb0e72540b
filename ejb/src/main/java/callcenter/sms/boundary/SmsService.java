package callcenter.sms.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import callcenter.common.CallCenterException;
import callcenter.common.Actor;
import callcenter.common.Page;
import callcenter.common.PageRequest;
import callcenter.common.Times;
import callcenter.events.Audience;
import callcenter.events.Push;
import callcenter.events.PushPublisher;
import callcenter.sms.entity.SmsMessage;

/**
 * Inbound SMS: stored when a carrier delivers one, pushed to every registered agent as {@code sms:received} in the
 * same transaction (so the push leaves only if the message was stored), and listed newest first.
 */
@Stateless
public class SmsService {

    static final int MAX_TEXT = 10_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    PushPublisher publisher;

    /** Stores a delivered SMS and pushes it; joins the caller's transaction (the webhook's de-duplication). */
    public SmsView received(String providerName, String providerMessageId, String from, String to, String text,
                            Instant receivedAt) {
        if (providerMessageId != null) {
            // The same message again under another event id (a redelivery): stored once, pushed once.
            Optional<SmsMessage> stored = em.createQuery("SELECT s FROM SmsMessage s WHERE s.providerName = :provider"
                            + " AND s.providerMessageId = :id", SmsMessage.class)
                    .setParameter("provider", providerName).setParameter("id", providerMessageId)
                    .getResultStream().findFirst();
            if (stored.isPresent()) {
                return SmsView.of(stored.get());
            }
        }
        Instant now = Times.now();
        String body = text == null ? "" : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        SmsMessage sms = new SmsMessage(UUID.randomUUID(), providerName, providerMessageId, from, to, body,
                receivedAt == null ? now : receivedAt, now);
        em.persist(sms);
        em.flush();
        SmsView view = SmsView.of(sms);
        publisher.publish(Push.of("sms:received", view, Audience.agents()));
        return view;
    }

    /** {@code GET /api/sms}: newest first, paged like the call log. */
    public Page<SmsView> list(PageRequest page, Actor caller) {
        if (!caller.isUser()) {
            throw CallCenterException.forbidden("SMS are for agents, supervisors and admins");
        }
        String jpql = "SELECT s FROM SmsMessage s"
                + (page.after() == null ? "" : " WHERE (s.createdAt < :afterAt OR (s.createdAt = :afterAt AND s.id < :afterId))")
                + " ORDER BY s.createdAt DESC, s.id DESC";
        TypedQuery<SmsMessage> select = em.createQuery(jpql, SmsMessage.class).setMaxResults(page.limit() + 1);
        if (page.after() != null) {
            select.setParameter("afterAt", page.after().createdAt()).setParameter("afterId", page.after().id());
        }
        List<SmsMessage> rows = select.getResultList();
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            SmsMessage last = rows.get(rows.size() - 1);
            next = PageRequest.cursorAfter(last.createdAt(), last.id());
        }
        return new Page<>(rows.stream().map(SmsView::of).toList(), next);
    }
}
