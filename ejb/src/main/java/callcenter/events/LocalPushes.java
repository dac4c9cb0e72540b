package callcenter.events;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.transaction.TransactionSynchronizationRegistry;

import callcenter.common.OnCommit;

/**
 * The events a transaction on this node published, pushed to this node's own sockets as soon as it commits instead of
 * after their round trip through the broker. That trip is the single consumer session of this node's subscription,
 * which takes the events in topic order: under a busy hour's fan-out an agent's {@code call:accepted} queued behind
 * every {@code call:incoming} published before it (the race winner's p99 of a second in docs/performance.md).
 * Other nodes still get every event from the topic, unchanged.
 *
 * <p>Each event is pushed here once: the message carries this boot's id and a number, and of the two ways it reaches
 * this node's sockets (the commit, the topic) the first to claim the number delivers it and the second skips it.
 * Which one comes first does not matter; what matters is that neither can be missed. The commit's way runs only
 * when the transaction committed (so a rolled-back change pushes nothing), and the topic's whenever the message
 * arrives (so an event whose transaction the recovery manager finished later still arrives). The order of one call's
 * events stays the web side's sequence filter's job, as with two consumers.
 *
 * <p>Without a sink (nothing on this node pushes: no web module) nothing is marked and the topic alone delivers.
 */
@ApplicationScoped
public class LocalPushes {

    private static final Logger LOG = Logger.getLogger(LocalPushes.class.getName());

    /** The JMS property naming the boot that published the event. */
    static final String ORIGIN = "callcenterOrigin";
    /** The JMS property numbering the event within its boot. */
    static final String NUMBER = "callcenterPush";

    /**
     * How long a claim is kept for the other way to come: far beyond the events' time to live on the broker. A claim
     * whose other way never comes (the message expired, or the commit's way never ran) is forgotten after it.
     */
    static final long CLAIM_TTL_NANOS = TimeUnit.MINUTES.toNanos(15);
    private static final int SWEEP_EVERY = 4_096;

    /** One event in a transaction: its number and when it was published. */
    public record Published(long number, Push push, long atMillis) {
    }

    private final String origin = UUID.randomUUID().toString();
    private final AtomicLong numbers = new AtomicLong();
    private final AtomicLong claimsMade = new AtomicLong();
    /** Numbers one of the two ways claimed, with when (nanoTime); removed when the second way comes. */
    private final Map<Long, Long> claims = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    private volatile Consumer<List<Published>> sink;

    @Resource
    TransactionSynchronizationRegistry transaction;

    public LocalPushes() {
        this(System::nanoTime);
    }

    LocalPushes(LongSupplier clock) {
        this.clock = clock;
    }

    /** Where this node's committed events go: the web module's delivery, set at its start and cleared at its end. */
    public void deliverTo(Consumer<List<Published>> sink) {
        this.sink = sink;
    }

    /**
     * Marks a message about to be sent in the current transaction as this node's, and has its event pushed here when
     * the transaction commits. Does nothing without a sink.
     */
    void publishing(Message message, Push push) throws JMSException {
        if (sink == null) {
            return;
        }
        long number = numbers.incrementAndGet();
        message.setStringProperty(ORIGIN, origin);
        message.setLongProperty(NUMBER, number);
        inThisTransaction().add(new Published(number, push, System.currentTimeMillis()));
    }

    /**
     * For the topic's listener: whether this message's event was already pushed here at its commit. Claims it
     * otherwise, and the commit's way will then skip it.
     */
    public boolean pushedAtCommit(Message message) throws JMSException {
        if (!origin.equals(message.getStringProperty(ORIGIN))) {
            return false;
        }
        return !claim(message.getLongProperty(NUMBER));
    }

    /** True for the first of the two ways to claim the number, false for the second (which forgets it). */
    boolean claim(long number) {
        long now = clock.getAsLong();
        if (claims.putIfAbsent(number, now) == null) {
            if (claimsMade.incrementAndGet() % SWEEP_EVERY == 0) {
                sweep(now);
            }
            return true;
        }
        claims.remove(number);
        return false;
    }

    int pendingClaims() {
        return claims.size();
    }

    private void sweep(long now) {
        for (Iterator<Long> it = claims.values().iterator(); it.hasNext(); ) {
            if (now - it.next() > CLAIM_TTL_NANOS) {
                it.remove();
            }
        }
    }

    /** The transaction's events so far, in publication order; the first call registers the commit's way. */
    @SuppressWarnings("unchecked")
    private List<Published> inThisTransaction() {
        List<Published> events = (List<Published>) transaction.getResource(LocalPushes.class);
        if (events == null) {
            List<Published> created = new ArrayList<>();
            transaction.putResource(LocalPushes.class, created);
            transaction.registerInterposedSynchronization(new OnCommit(() -> committed(created)));
            events = created;
        }
        return events;
    }

    void committed(List<Published> events) {
        Consumer<List<Published>> target = sink;
        if (target == null) {
            return;
        }
        List<Published> mine = events.stream().filter(e -> claim(e.number())).toList();
        if (mine.isEmpty()) {
            return;
        }
        try {
            target.accept(mine);
        } catch (RuntimeException e) {
            // As when the listener fails: the change is committed, the sockets resynchronise on their next register.
            LOG.log(Level.WARNING, "Could not push committed events on this node", e);
        }
    }
}
