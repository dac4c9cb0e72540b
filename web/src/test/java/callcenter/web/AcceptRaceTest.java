package callcenter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aRefusalThatSaysTheCallEndedAnswersThoseBehindIt() throws Exception {
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
        assertEquals(1, database.accepts.get());
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
    void anAcceptAfterTheNodesOwnWinIsRefusedWithoutTheDatabase() {
        Database database = new Database(() -> null);
        database.decide.countDown();
        race.accept(call, agent());
        CallCenterException late = assertThrows(CallCenterException.class, () -> race.accept(call, agent()));
        assertEquals("call-already-taken", late.type());
        assertEquals(1, database.accepts.get());
    }

    @Test
    void callsPushedAsTakenOrEndedAreRefusedWithoutTheDatabase() {
        Database database = new Database(() -> null);
        database.decide.countDown();
        UUID ended = UUID.randomUUID();
        race.settled.follow("call:accepted", "call:" + call);
        race.settled.follow("call:ended", "call:" + ended);
        assertEquals("call-already-taken",
                assertThrows(CallCenterException.class, () -> race.accept(call, agent())).type());
        assertEquals("call-already-ended",
                assertThrows(CallCenterException.class, () -> race.accept(ended, agent())).type());
        assertEquals(0, database.accepts.get());
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
