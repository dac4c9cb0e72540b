package callcenter.queues.boundary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import callcenter.common.CallCenterException;
import callcenter.common.Cursor;
import callcenter.common.FieldError;
import callcenter.common.Page;
import callcenter.common.PageRequest;
import callcenter.common.Times;
import callcenter.queues.entity.Queue;
import callcenter.queues.entity.Strategy;

/**
 * The queues of api.md section 7: admins create, change and delete them; every new call is routed by one. Field
 * formats are checked by the web layer; what depends on other queues or on the map of skills is checked here, and a
 * rejected change changes nothing.
 */
@Stateless
public class QueueService {

    /** Skill names: like queue names, plus upper case, so that an admin's own spelling is kept. */
    static final Pattern SKILL = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<QueueDeleted> deleted;

    public QueueView create(QueueChanges request) {
        if (em.find(Queue.class, request.name()) != null) {
            throw taken(request.name());
        }
        Queue queue = new Queue(request.name(), Times.now());
        apply(queue, request);
        em.persist(queue);
        try {
            em.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            throw taken(request.name()); // another node created it meanwhile: the primary key decided
        }
        return QueueView.of(queue);
    }

    /** Every queue, by name (the statistics' rows). */
    public List<QueueView> views() {
        return em.createQuery("SELECT q FROM Queue q ORDER BY q.name", Queue.class).getResultStream()
                .map(QueueView::of).toList();
    }

    /**
     * {@code GET /api/queues}: a page of the queues, newest first, like every list (api.md section 1). Queues are few,
     * so they are read whole and the page is cut here; the cursor names a page's last queue by its creation time and
     * a UUID made from its name (a queue's id is its name).
     */
    public Page<QueueView> list(PageRequest page) {
        List<Queue> newestFirst = em.createQuery("SELECT q FROM Queue q ORDER BY q.createdAt DESC, q.name DESC",
                Queue.class).getResultList();
        int from = page.after() == null ? 0 : after(newestFirst, page.after());
        return page.page(newestFirst.subList(from, newestFirst.size()),
                q -> new Cursor.Position(q.createdAt(), idOf(q))).map(QueueView::of);
    }

    /** Where the page after {@code cursor} starts; a tie on time whose queue is gone skips the rest of that tie. */
    private static int after(List<Queue> newestFirst, Cursor.Position cursor) {
        for (int i = 0; i < newestFirst.size(); i++) {
            Queue q = newestFirst.get(i);
            if (q.createdAt().isBefore(cursor.createdAt())) {
                return i;
            }
            if (q.createdAt().equals(cursor.createdAt()) && idOf(q).equals(cursor.id())) {
                return i + 1;
            }
        }
        return newestFirst.size();
    }

    private static UUID idOf(Queue queue) {
        return UUID.nameUUIDFromBytes(queue.name().getBytes(StandardCharsets.UTF_8));
    }

    public QueueView get(String name) {
        return QueueView.of(find(name));
    }

    public QueueView update(String name, QueueChanges changes) {
        Queue queue = find(name);
        em.lock(queue, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(queue);
        apply(queue, changes);
        queue.changed();
        return QueueView.of(queue);
    }

    /**
     * Deletes a queue: its waiting calls move to the default queue (observers of {@link QueueDeleted}), its
     * memberships go with it, and queues that overflowed into it no longer overflow.
     */
    public void delete(String name) {
        if (Queue.DEFAULT.equals(name)) {
            throw CallCenterException.conflict("default-queue", "Default queue",
                    "The queue " + Queue.DEFAULT + " is the default queue and cannot be deleted");
        }
        Queue queue = find(name);
        em.lock(queue, LockModeType.PESSIMISTIC_WRITE);
        deleted.fire(new QueueDeleted(name));
        em.createQuery("UPDATE Queue q SET q.overflowQueue = NULL, q.overflowAfterSeconds = NULL,"
                + " q.version = q.version + 1 WHERE q.overflowQueue = :name").setParameter("name", name).executeUpdate();
        em.remove(queue);
    }

    /** The queue a new call with this {@code queueName} is routed by: the queue of that name, else the default. */
    public QueueRef route(String queueName) {
        Queue queue = queueName == null ? null : em.find(Queue.class, queueName);
        if (queue == null) {
            queue = em.find(Queue.class, Queue.DEFAULT);
        }
        return new QueueRef(queue.name(), queue.strategy(), queue.priority(), queue.maxWaitSeconds());
    }

    /** The queue itself, for routing; null when there is none of that name. */
    public Queue find(String name, boolean orNull) {
        Queue queue = em.find(Queue.class, name);
        if (queue == null && !orNull) {
            throw notFound(name);
        }
        return queue;
    }

    /**
     * The queue as the database has it now, not as this transaction may have read it before (routing found its copy
     * stale); null when there is none.
     */
    public Queue current(String name) {
        Queue read = em.find(Queue.class, name);
        if (read == null) {
            return null;
        }
        em.detach(read); // a routing transaction changes no queue: nothing of it is lost
        return em.find(Queue.class, name);
    }

    /** Every queue, for routing's sweep. */
    public List<Queue> all() {
        return em.createQuery("SELECT q FROM Queue q ORDER BY q.name", Queue.class).getResultList();
    }

    private Queue find(String name) {
        return find(name, false);
    }

    private void apply(Queue queue, QueueChanges c) {
        List<FieldError> errors = new ArrayList<>();
        if (c.strategy() != null && Strategy.of(c.strategy()).isEmpty()) {
            errors.add(new FieldError("strategy", "must be ring-all, longest-idle, round-robin or skills"));
        }
        if (c.requiredSkills() != null) {
            for (Map.Entry<String, Integer> skill : c.requiredSkills().entrySet()) {
                if (!SKILL.matcher(skill.getKey()).matches()) {
                    errors.add(new FieldError("requiredSkills", "skill names are 1-64 of [A-Za-z0-9_.-]"));
                } else if (skill.getValue() == null || skill.getValue() < 1 || skill.getValue() > 10) {
                    errors.add(new FieldError("requiredSkills." + skill.getKey(), "must be a level from 1 to 10"));
                }
            }
        }
        QueueView.Overflow overflow = c.overflow();
        boolean clearsOverflow = overflow != null && overflow.queue() == null && overflow.afterSeconds() == null;
        if (overflow != null && !clearsOverflow) {
            if (overflow.queue() == null || overflow.afterSeconds() == null) {
                errors.add(new FieldError("overflow", "needs afterSeconds and queue (or neither, to remove it)"));
            } else if (overflow.queue().equals(queue.name())) {
                errors.add(new FieldError("overflow.queue", "must be another queue"));
            } else if (em.find(Queue.class, overflow.queue()) == null) {
                errors.add(new FieldError("overflow.queue", "no queue " + overflow.queue()));
            }
        }
        if (!errors.isEmpty()) {
            throw CallCenterException.invalid(errors);
        }
        if (c.displayName() != null) {
            queue.displayName(c.displayName().trim());
        }
        if (c.strategy() != null) {
            queue.strategy(Strategy.of(c.strategy()).orElseThrow());
        }
        if (c.requiredSkills() != null) {
            queue.requiredSkills(c.requiredSkills());
        }
        if (c.priority() != null) {
            queue.priority(c.priority());
        }
        if (c.offerTimeoutSeconds() != null) {
            queue.offerTimeoutSeconds(c.offerTimeoutSeconds());
        }
        if (c.maxWaitSeconds() != null) {
            queue.maxWaitSeconds(c.maxWaitSeconds());
        }
        if (c.relaxAfterSeconds() != null) {
            queue.relaxAfterSeconds(c.relaxAfterSeconds());
        }
        if (clearsOverflow) {
            queue.overflow(null, null);
        } else if (overflow != null) {
            queue.overflow(overflow.afterSeconds(), overflow.queue());
        }
    }

    private static CallCenterException notFound(String name) {
        return CallCenterException.notFound("No queue " + name);
    }

    private static CallCenterException taken(String name) {
        return CallCenterException.conflict("queue-exists", "Queue exists", "A queue named " + name + " exists");
    }
}
