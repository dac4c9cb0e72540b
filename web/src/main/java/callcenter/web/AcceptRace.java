package callcenter.web;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import callcenter.calls.boundary.AcceptRefusal;
import callcenter.calls.boundary.CallService;
import callcenter.calls.boundary.CallView;
import callcenter.common.Actor;
import callcenter.common.CallCenterException;

/**
 * An agent's accept, through REST ({@code POST /api/calls/{id}/accept}) or the socket ({@code call:accept}), spared
 * the transaction when this node already knows how it ends. When a call rings a hundred agents, most accept within
 * the same few milliseconds, and every loser used to run an UPDATE that waited on the winner's row lock, then read the
 * row again: most of the race's CPU on the node, and what the winner's own transaction queued behind.
 *
 * <p>So: a call this node knows to be taken ({@link SettledCalls}: pushed through the topic, or learnt from this
 * node's own accept of it) is refused at once with the database's answer. An accept arriving while this node's first
 * accept of that call is in its transaction waits for that one's outcome: when it took the call (it won, or was
 * refused because the call was taken), the waiting accepts are refused likewise; otherwise (the call had ended, or
 * the accept failed for a reason of its own: the agent, the database), each goes to the database itself. A REST accept waits on
 * its request thread; a socket's waits without a thread ({@link #accept(UUID, Actor, Consumer)}).
 *
 * <p>This decides nothing: a call that has an agent never loses it and a final call never becomes acceptable
 * (the conditions of {@code CallTransitions.accept}), so what is known stays true; the UPDATE's condition alone picks
 * the winner, on this node and between nodes.
 */
@ApplicationScoped
public class AcceptRace {

    /**
     * How long an accept waits for the accept of the same call ahead of it on this node. A transaction takes
     * milliseconds; should that one hang (the database out of reach), the waiting ones try for themselves.
     */
    static final long AHEAD_WAIT_MILLIS = 5_000;

    @Inject
    CallService calls;

    @Inject
    SettledCalls settled;

    /** Where a socket's accept that waited goes to the database, when the one ahead of it settled nothing. */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    Executor executor;

    /** The first accept of each call in its transaction on this node, completed when it is decided. */
    private final ConcurrentMap<UUID, CompletableFuture<Void>> deciding = new ConcurrentHashMap<>();

    /** The accepted call, or the refusal the database would give (a {@link CallCenterException}). */
    public CallView accept(UUID callId, Actor agent) {
        if (!agent.isUser()) {
            return calls.accept(callId, agent);
        }
        refuseIfSettled(callId);
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> ahead = deciding.putIfAbsent(callId, mine);
        if (ahead == null) {
            return decide(callId, agent, mine);
        }
        awaitQuietly(ahead);
        refuseIfSettled(callId);
        return acceptAndLearn(callId, agent);
    }

    /**
     * A socket's accept, which is answered only when refused (the accepted call comes back through the topic): as
     * {@link #accept}, but an accept that waits for the one ahead of it does not hold its thread meanwhile. A hundred
     * agents accepting at once used to park up to every request worker of the node for as long as the first accept's
     * transaction took, and the node's other requests (initiates, registrations) queued behind them: thread dumps in
     * the fan-out benchmark showed 24 to 30 of the 32 workers parked there while the first accept waited on the broker
     * or the transaction log (docs/performance.md). Now they carry on when it is decided: refused from memory on the
     * thread that decided it, or, when it settled nothing, each in a transaction of its own on the managed executor.
     * A refusal known at once, and the first accept's own failure, are thrown as by {@link #accept}; a later refusal
     * goes to {@code refused}.
     */
    public void accept(UUID callId, Actor agent, Consumer<RuntimeException> refused) {
        if (!agent.isUser()) {
            calls.accept(callId, agent);
            return;
        }
        refuseIfSettled(callId);
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> ahead = deciding.putIfAbsent(callId, mine);
        if (ahead == null) {
            decide(callId, agent, mine);
            return;
        }
        // A copy: the timeout must end this accept's wait, not complete the first accept's future for the others.
        ahead.copy().orTimeout(AHEAD_WAIT_MILLIS, TimeUnit.MILLISECONDS)
                .whenComplete((decided, failure) -> afterAhead(callId, agent, refused));
    }

    /** The first accept of the call on this node; those behind it learn its outcome once it is remembered. */
    private CallView decide(UUID callId, Actor agent, CompletableFuture<Void> mine) {
        try {
            return acceptAndLearn(callId, agent);
        } finally {
            deciding.remove(callId, mine);
            mine.complete(null);
        }
    }

    private void afterAhead(UUID callId, Actor agent, Consumer<RuntimeException> refused) {
        Optional<AcceptRefusal> known = known(callId);
        if (known.isPresent()) {
            refused.accept(known.get().of(callId));
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    acceptAndLearn(callId, agent);
                } catch (RuntimeException e) {
                    refused.accept(e);
                }
            });
        } catch (RejectedExecutionException e) {
            refused.accept(CallCenterException.unavailable("The server is shutting down; try again"));
        }
    }

    /**
     * The refusal this node can answer alone: a taken call is a 409 to every agent. An ended one is not answered from
     * memory: another agent's ended call is outside an agent's view, a 404 (api.md section 1), which the database
     * decides; ended calls are not raced for, so that costs no race its speed.
     */
    private Optional<AcceptRefusal> known(UUID callId) {
        return settled.of(callId).filter(AcceptRefusal.TAKEN::equals);
    }

    private void refuseIfSettled(UUID callId) {
        Optional<AcceptRefusal> known = known(callId);
        if (known.isPresent()) {
            throw known.get().of(callId);
        }
    }

    /** The accept's transaction; what it settled about the call is remembered before its answer goes out. */
    private CallView acceptAndLearn(UUID callId, Actor agent) {
        CallView accepted;
        try {
            accepted = calls.accept(callId, agent);
        } catch (RuntimeException e) {
            if (Problems.unwrap(e) instanceof CallCenterException refused) {
                AcceptRefusal.in(refused).ifPresent(state -> settled.learn(callId, state));
            }
            throw e;
        }
        settled.learn(callId, AcceptRefusal.TAKEN);
        return accepted;
    }

    private static void awaitQuietly(CompletableFuture<Void> ahead) {
        try {
            ahead.get(AHEAD_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Nothing learnt from it: this accept goes to the database itself.
        }
    }
}
