package callcenter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import callcenter.calls.boundary.AcceptRefusal;
import callcenter.calls.boundary.CallService;
import callcenter.calls.boundary.CallView;
import callcenter.calls.control.CallFailures;
import callcenter.common.Actor;
import callcenter.common.CallCenterException;
import callcenter.common.Roles;

/** The accepts of one call that reach a node while its first accept of that call is in its transaction. */
class AcceptRaceTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final AcceptRace race = new AcceptRace();
    private final UUID call = UUID.randomUUID();

    AcceptRaceTest() {
        race.settled = new SettledCalls();
        race.executor = threads;
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void acceptsBehindTheWinnerAreRefusedWithoutTransactionsOfTheirOwn() throws Exception {
        Database database = new Database(() -> null);
        Future<?> winner = threads.submit(() -> race.accept(call, agent()));
        assertTrue(database.entered.await(5, TimeUnit.SECONDS));
        List<Future<?>> behind = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            behind.add(threads.submit(() -> race.accept(call, agent())));
        }
        Thread.sleep(200);
        database.decide.countDown();
        assertNull(winner.get(5, TimeUnit.SECONDS));
        for (Future<?> loser : behind) {
            assertEquals("call-already-taken", refusal(loser).type());
        }
        assertEquals(1, database.accepts.get(), "only the first accept went to the database");
    }

    @Test
    void aRefusalThatSaysTheCallEndedLetsThoseBehindItAskTheDatabase() throws Exception {
        // Whether an ended call is a 409 or, another agent's call, a 404 depends on who asks (api.md section 1).
        Database database = new Database(() -> {
            throw CallFailures.alreadyEnded(call);
        });
        Future<?> first = threads.submit(() -> race.accept(call, agent()));
        assertTrue(database.entered.await(5, TimeUnit.SECONDS));
        Future<?> behind = threads.submit(() -> race.accept(call, agent()));
        Thread.sleep(200);
        database.decide.countDown();
        assertEquals("call-already-ended", refusal(first).type());
        assertEquals("call-already-ended", refusal(behind).type());
        assertEquals(2, database.accepts.get());
    }

    @Test
    void aFailureOfTheFirstAcceptItselfLetsThoseBehindItTryForThemselves() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Database database = new Database(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw CallCenterException.unavailable("The database is out of reach");
            }
            return null;
        });
        Future<?> first = threads.submit(() -> race.accept(call, agent()));
        assertTrue(database.entered.await(5, TimeUnit.SECONDS));
        Future<?> behind = threads.submit(() -> race.accept(call, agent()));
        Thread.sleep(200);
        database.decide.countDown();
        assertEquals(503, refusal(first).status());
        assertNull(behind.get(5, TimeUnit.SECONDS), "the one behind went to the database itself and won");
        assertEquals(2, database.accepts.get());
    }

    @Test
    void socketAcceptsBehindTheWinnerDoNotHoldTheirThreadsAndAreRefusedOnceItWon() throws Exception {
        Database database = new Database(() -> null);
        Future<?> winner = threads.submit(() -> race.accept(call, agent(), e -> fail("the winner refused: " + e)));
        assertTrue(database.entered.await(5, TimeUnit.SECONDS));
        List<CallCenterException> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch answered = new CountDownLatch(20);
        // One after the other on one thread: each returns at once although the winner is undecided (an accept that
        // waited for it would hold this thread for the winner's whole transaction, here until the test lets it go).
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 20; i++) {
                race.accept(call, agent(), e -> {
                    refusals.add((CallCenterException) e);
                    answered.countDown();
                });
            }
        });
        assertEquals(20, answered.getCount(), "nobody refused before the winner decided");
        database.decide.countDown();
        assertNull(winner.get(5, TimeUnit.SECONDS));
        assertTrue(answered.await(5, TimeUnit.SECONDS), "every accept behind it answered");
        assertTrue(refusals.stream().allMatch(e -> "call-already-taken".equals(e.type())), refusals.toString());
        assertEquals(1, database.accepts.get(), "only the first accept went to the database");
    }

    @Test
    void aSocketAcceptBehindAFirstAcceptThatSettledNothingGoesToTheDatabaseItself() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Database database = new Database(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw CallCenterException.unavailable("The database is out of reach");
            }
            throw CallFailures.alreadyEnded(call);
        });
        Future<?> first = threads.submit(() -> race.accept(call, agent(), e -> fail("thrown, not passed: " + e)));
        assertTrue(database.entered.await(5, TimeUnit.SECONDS));
        java.util.concurrent.CompletableFuture<RuntimeException> behind = new java.util.concurrent.CompletableFuture<>();
        race.accept(call, agent(), behind::complete);
        database.decide.countDown();
        assertEquals(503, refusal(first).status(), "the first accept's own failure is thrown to its caller");
        assertEquals("call-already-ended", ((CallCenterException) behind.get(5, TimeUnit.SECONDS)).type(),
                "the one behind went to the database and got its answer");
        assertEquals(2, database.accepts.get());
    }

    @Test
    void anAcceptAfterTheNodesOwnWinIsRefusedWithoutTheDatabase() {
        Database database = new Database(() -> null);
        database.decide.countDown();
        race.accept(call, agent());
        CallCenterException late = assertThrows(CallCenterException.class, () -> race.accept(call, agent()));
        assertEquals("call-already-taken", late.type());
        assertEquals(1, database.accepts.get());
    }

    @Test
    void callsPushedAsTakenAreRefusedWithoutTheDatabaseAndEndedOnesGoToIt() {
        Database database = new Database(() -> {
            throw CallFailures.notFound(UUID.randomUUID());
        });
        database.decide.countDown();
        UUID ended = UUID.randomUUID();
        race.settled.follow("call:accepted", "call:" + call);
        race.settled.follow("call:ended", "call:" + ended);
        assertEquals("call-already-taken",
                assertThrows(CallCenterException.class, () -> race.accept(call, agent())).type());
        assertEquals(0, database.accepts.get());
        assertEquals(404, assertThrows(CallCenterException.class, () -> race.accept(ended, agent())).status(),
                "the database's answer: another agent's ended call is not this agent's to see");
        assertEquals(1, database.accepts.get());
    }

    @Test
    void onlyTheRefusalsAboutTheCallSettleIt() {
        assertEquals(AcceptRefusal.TAKEN, AcceptRefusal.in(CallFailures.alreadyTaken(call)).orElseThrow());
        assertEquals(AcceptRefusal.ENDED, AcceptRefusal.in(CallFailures.alreadyEnded(call)).orElseThrow());
        assertTrue(AcceptRefusal.in(CallFailures.busy(call)).isEmpty());
        assertTrue(AcceptRefusal.in(CallFailures.notFound(call)).isEmpty());
        assertTrue(AcceptRefusal.in(CallCenterException.forbidden("no")).isEmpty());
    }

    private static Actor agent() {
        UUID id = UUID.randomUUID();
        return new Actor(id, "agent-" + id, Roles.AGENT, null);
    }

    private static CallCenterException refusal(Future<?> accept) throws Exception {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> accept.get(5, TimeUnit.SECONDS));
        return (CallCenterException) failed.getCause();
    }

    /** The boundary's accept, held in its "transaction" until the test lets it decide. */
    private final class Database extends CallService {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch decide = new CountDownLatch(1);
        final AtomicInteger accepts = new AtomicInteger();
        private final Supplier<CallView> outcome;

        Database(Supplier<CallView> outcome) {
            this.outcome = outcome;
            race.calls = this;
        }

        @Override
        public CallView accept(UUID id, Actor agent) {
            accepts.incrementAndGet();
            entered.countDown();
            try {
                decide.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return outcome.get();
        }
    }
}
