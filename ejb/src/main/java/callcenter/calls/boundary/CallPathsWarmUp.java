package callcenter.calls.boundary;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

import callcenter.calls.control.CallerTokens;
import callcenter.common.Actor;
import callcenter.common.Roles;
import callcenter.events.FanOutProbe;
import callcenter.platform.MemoryTrim;
import callcenter.platform.PhoneNumbers;
import callcenter.platform.Settings;
import callcenter.users.entity.User;

/**
 * Runs a caller's initiate and an agent's accept {@code CALLCENTER_WARMUP_PASSES} times (200) once the node is ready,
 * each in a transaction that is then rolled back, so that the first real ones do not pay for what every path pays once
 * per JVM, nor run as the interpreter's code. One pass takes away the first-use costs (Hibernate translating the
 * statements, Yasson building the views' models, the JWT library's and libphonenumber's set-up, the first JMS session,
 * the classes themselves): the first accept's transaction took 794 ms under the fan-out benchmark's load (166 ms on an
 * idle node) where the ones after took 20 to 50 ms. Two hundred passes also bring the JIT compiler's first tier to
 * these paths before the calls do: in five pairs of the benchmark right after start-up (docs/performance.md) the
 * fan-out's p99 was lower in all five (median 283 against 421 ms), the CPU per frame without the compiler lower in all
 * five, and 1,100 agents registered faster in all five, for about 4.5 s of one core after readiness. The passes grow
 * the heap again (idle RSS median 645 against 549 MB over five starts each), so the start's memory is given back when
 * they end ({@link MemoryTrim}: one full collection, 0.2 to 0.3 s), not at the end of the deployment.
 *
 * <p>Nothing of it stays: the rows are rolled back, and a rolled-back transaction sends no event (the JMS send is
 * part of it), pushes nothing to this node's sockets and counts no routing in the metrics. Only what is not
 * transactional advances: sequences, which leave gaps in the ids. The commit itself is not warmed. It runs once the
 * node is ready (its fan-out probe came back), not during the start: the start is CPU-bound on two cores, and the
 * warm-up's seconds would make readiness that much later. Requests that come meanwhile are served as before, only
 * slower; it stops after {@link #AT_MOST} whatever the passes done, and when the node stops. A failure is logged and
 * the node goes on: a cold node is slower, not wrong.
 */
@Singleton
@Startup
@DependsOn({"AdminBootstrap", "FanOutProbe"})
@TransactionManagement(TransactionManagementType.BEAN)
public class CallPathsWarmUp {

    private static final Logger LOG = Logger.getLogger(CallPathsWarmUp.class.getName());

    /** A number libphonenumber accepts, as a caller's app would send it. */
    static final String PHONE = "+254722000000";
    /** How often it looks whether the node is ready, and for how long at most (then it gives up: never ready). */
    static final Duration LOOK_EVERY = Duration.ofMillis(200);
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);
    /** The warm-up's longest run: on a machine slow enough to need more, the calls had better have the CPU. */
    static final Duration AT_MOST = Duration.ofSeconds(30);

    @Resource
    UserTransaction transaction;

    @PersistenceContext
    EntityManager em;

    @Inject
    CallService calls;

    @Inject
    CallerTokens callerTokens;

    @Inject
    PhoneNumbers phoneNumbers;

    @Inject
    FanOutProbe probe;

    @Inject
    Settings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    SessionContext context;

    /** The next look, guarded by this; {@code stopped} once undeployed. */
    private ScheduledFuture<?> look;
    private boolean stopped;

    @PostConstruct
    void start() {
        if (settings.warmupPasses() == 0) {
            LOG.info("No start-up warm-up (CALLCENTER_WARMUP_PASSES=0): the first calls will be slower");
            return;
        }
        lookAgain(context.getBusinessObject(CallPathsWarmUp.class), System.nanoTime() + GIVE_UP_AFTER.toNanos());
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (look != null) {
            look.cancel(false);
        }
    }

    private synchronized boolean stopped() {
        return stopped;
    }

    private synchronized void lookAgain(CallPathsWarmUp self, long deadline) {
        if (stopped) {
            return;
        }
        look = scheduler.schedule(() -> {
            if (probe.flowing()) {
                self.warm();
            } else if (System.nanoTime() < deadline) {
                lookAgain(self, deadline);
            }
        }, LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The warm-up itself; a business method so that it runs with the container's transaction management. */
    public void warm() {
        long start = System.nanoTime();
        long end = start + AT_MOST.toNanos();
        int passes = settings.warmupPasses();
        int done = 0;
        try {
            // Looked up once, outside the passes: the lookup is no path a call takes.
            Actor agent = anyAgent();
            if (agent == null) {
                return;
            }
            while (done < passes && System.nanoTime() < end && !stopped()) {
                pass(agent);
                done++;
            }
            LOG.info(String.format("Warmed the initiate and accept paths in %d ms, %d of %d passes (rolled back: nothing"
                    + " stored)", (System.nanoTime() - start) / 1_000_000, done, passes));
        } catch (Exception e) {
            // The exception's own line only: its causes may name the broker's or the database's address.
            LOG.warning("Could not warm the initiate and accept paths; the first calls will be slower: " + e);
        } finally {
            MemoryTrim.trimAndLog(); // the start's garbage and the passes': some 100 MB of an idle node otherwise
        }
    }

    /** One initiate and accept as {@code agent}, rolled back. */
    private void pass(Actor agent) throws Exception {
        transaction.begin();
        try {
            InitiateCall request = new InitiateCall("Warm-up", PHONE, null, null, null);
            CallView waiting = calls.createInbound(request, phoneNumbers.normalize(PHONE, "phoneNumber"), agent, null);
            calls.accept(waiting.id(), agent);
            callerTokens.sign(waiting.id());
        } finally {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        }
    }

    /**
     * The oldest enabled user who may take calls (the admin on a new installation), or null when there is none. Read
     * outside a transaction: the user comes back detached, and only its id, name and role are used.
     */
    private Actor anyAgent() {
        List<User> users = em.createQuery("SELECT u FROM User u WHERE u.enabled = TRUE AND u.role IN :roles"
                        + " ORDER BY u.createdAt", User.class)
                .setParameter("roles", Roles.TAKING_CALLS)
                .setMaxResults(1)
                .getResultList();
        if (users.isEmpty()) {
            return null;
        }
        User user = users.get(0);
        return Actor.user(user.id(), user.username(), user.role());
    }
}
