package callcenter.calls.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;
import callcenter.common.Actor;
import callcenter.common.Cursor;
import callcenter.common.Page;
import callcenter.common.PageRequest;

/**
 * The queries that find calls: the list of {@code GET /api/calls} (filters, who may see what, newest first, one page
 * at a time) and the snapshots a registering dashboard gets.
 */
@Stateless
public class CallSearch {

    /** A JPQL select and its parameters. */
    record Select(String jpql, Map<String, Object> parameters) {
    }

    @PersistenceContext
    EntityManager em;

    public Page<CallLog> find(CallFilter filter, PageRequest page, Actor who) {
        Select select = select(filter, page.after(), who);
        // One row more than the page holds tells whether there is a next page.
        TypedQuery<CallLog> query = em.createQuery(select.jpql(), CallLog.class).setMaxResults(page.limit() + 1);
        select.parameters().forEach(query::setParameter);
        return page.page(query.getResultList(), c -> new Cursor.Position(c.createdAt(), c.id()));
    }

    /** The calls waiting for an agent, oldest first. */
    public List<CallLog> waiting(int limit) {
        return em.createQuery("SELECT c FROM CallLog c WHERE c.status = :waiting ORDER BY c.createdAt, c.id",
                        CallLog.class)
                .setParameter("waiting", CallStatus.WAITING)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The agent's active call; the latest answered, should there ever be two. */
    public Optional<CallLog> activeCallOf(UUID agentId) {
        return em.createQuery("SELECT c FROM CallLog c WHERE c.status = :active AND c.agentId = :agent"
                        + " ORDER BY c.answeredAt DESC", CallLog.class)
                .setParameter("active", CallStatus.ACTIVE)
                .setParameter("agent", agentId)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    static Select select(CallFilter filter, Cursor.Position after, Actor who) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        filter.where(where, parameters);
        CallAccess.Restriction access = CallAccess.listable(who);
        if (access != null) {
            where.add(access.jpql());
            parameters.putAll(access.parameters());
        }
        if (after != null) {
            // (createdAt, id) orders the list completely, so a page never repeats or skips a call.
            where.add("(c.createdAt < :afterAt OR (c.createdAt = :afterAt AND c.id < :afterId))");
            parameters.put("afterAt", after.createdAt());
            parameters.put("afterId", after.id());
        }
        String jpql = "SELECT c FROM CallLog c LEFT JOIN FETCH c.agent"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY c.createdAt DESC, c.id DESC";
        return new Select(jpql, parameters);
    }
}
