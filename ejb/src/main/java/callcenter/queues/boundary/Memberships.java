package callcenter.queues.boundary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.common.Uuids;
import callcenter.common.CallCenterException;
import callcenter.common.FieldError;
import callcenter.queues.entity.Queue;
import callcenter.users.boundary.UserCreated;

/**
 * Which queues each agent serves and with which skills ({@code PATCH /api/users/{id}} {@code queues}, {@code skills}).
 * Plain rows without entities: they are only ever replaced whole per user and read in bulk.
 */
@Stateless
public class Memberships {

    @PersistenceContext
    EntityManager em;

    /** A new user is a member of the default queue unless its creation says otherwise. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void joinDefault(@Observes UserCreated created) {
        em.createNativeQuery("INSERT INTO queue_members (queue_name, user_id) VALUES (?, ?)")
                .setParameter(1, Queue.DEFAULT).setParameter(2, created.userId()).executeUpdate();
    }

    /** The memberships of these users (those with none are absent). */
    @SuppressWarnings("unchecked")
    public Map<UUID, Membership> of(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<String>> queues = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("SELECT user_id, queue_name FROM queue_members"
                + " WHERE user_id IN (:ids) ORDER BY queue_name").setParameter("ids", userIds).getResultList()) {
            queues.computeIfAbsent(Uuids.of(row[0]), k -> new ArrayList<>()).add((String) row[1]);
        }
        Map<UUID, Map<String, Integer>> skills = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("SELECT user_id, skill, level FROM agent_skills"
                + " WHERE user_id IN (:ids)").setParameter("ids", userIds).getResultList()) {
            skills.computeIfAbsent(Uuids.of(row[0]), k -> new TreeMap<>()).put((String) row[1],
                    ((Number) row[2]).intValue());
        }
        Map<UUID, Membership> result = new HashMap<>();
        for (UUID id : userIds) {
            result.put(id, new Membership(List.copyOf(queues.getOrDefault(id, List.of())),
                    Map.copyOf(skills.getOrDefault(id, Map.of()))));
        }
        return result;
    }

    public Membership of(UUID userId) {
        return of(List.of(userId)).get(userId);
    }

    /**
     * Replaces the user's queues and/or skills (null leaves that part as it is). An unknown queue or a level outside
     * 1-10 is a 400 that changes nothing.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void set(UUID userId, List<String> queues, Map<String, Integer> skills) {
        List<FieldError> errors = new ArrayList<>();
        if (queues != null) {
            for (String name : queues) {
                if (name == null || em.find(Queue.class, name) == null) {
                    errors.add(new FieldError("queues", "no queue " + name));
                }
            }
        }
        if (skills != null) {
            for (Map.Entry<String, Integer> skill : skills.entrySet()) {
                if (!QueueService.SKILL.matcher(skill.getKey()).matches()) {
                    errors.add(new FieldError("skills", "skill names are 1-64 of [A-Za-z0-9_.-]"));
                } else if (skill.getValue() == null || skill.getValue() < 1 || skill.getValue() > 10) {
                    errors.add(new FieldError("skills." + skill.getKey(), "must be a level from 1 to 10"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw CallCenterException.invalid(errors);
        }
        if (queues != null) {
            em.createNativeQuery("DELETE FROM queue_members WHERE user_id = ?").setParameter(1, userId).executeUpdate();
            for (String name : new LinkedHashSet<>(queues)) {
                em.createNativeQuery("INSERT INTO queue_members (queue_name, user_id) VALUES (?, ?)")
                        .setParameter(1, name).setParameter(2, userId).executeUpdate();
            }
        }
        if (skills != null) {
            em.createNativeQuery("DELETE FROM agent_skills WHERE user_id = ?").setParameter(1, userId).executeUpdate();
            skills.forEach((skill, level) -> em.createNativeQuery(
                            "INSERT INTO agent_skills (user_id, skill, level) VALUES (?, ?, ?)")
                    .setParameter(1, userId).setParameter(2, skill).setParameter(3, level).executeUpdate());
        }
    }
}
