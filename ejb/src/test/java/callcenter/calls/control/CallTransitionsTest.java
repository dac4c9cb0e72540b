package callcenter.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;
import callcenter.common.CallCenterException;

/** Each conditional UPDATE binds the rule of CallStatus it stands for, and a change that loses a race decides again. */
class CallTransitionsTest {

    private final RecordingEntityManager db = new RecordingEntityManager();
    private final CallTransitions transitions = new CallTransitions();

    @BeforeEach
    void setUp() {
        transitions.em = db.proxy();
    }

    @Test
    void acceptBindsTheAcceptableStatusesAndNeedsACallWithNoAgent() {
        UUID agent = UUID.randomUUID();
        db.updateCounts.add(0);
        assertEquals(false, transitions.accept(UUID.randomUUID(), agent));
        RecordingEntityManager.Recorded update = db.last();
        assertSame(CallStatus.acceptableFrom(), update.parameters().get("from"));
        assertTrue(update.jpql().contains("c.status IN :from AND c.agentId IS NULL"), update.jpql());
        assertEquals(CallStatus.ACTIVE, update.parameters().get("active"));
        assertEquals(agent, update.parameters().get("agent"));
    }

    @Test
    void theCarriersAnswerBindsTheAnswerableStatuses() {
        assertTrue(transitions.answer(UUID.randomUUID()));
        assertSame(CallStatus.answerableFrom(), db.last().parameters().get("from"));
        assertEquals(CallStatus.ACTIVE, db.last().parameters().get("active"));
    }

    @Test
    void theEndUpdateBindsTheStatusesItsEndingIsReachedFromAndTheVersionRead() {
        CallLog waiting = CallLogs.inbound(CallStatus.WAITING, null);
        db.stored = waiting;
        CallLog ended = transitions.end(waiting.id(), call -> new Ending(CallStatus.MISSED, "ring_timeout"));
        assertSame(waiting, ended);
        RecordingEntityManager.Recorded update = db.last();
        assertEquals(CallStatus.MISSED.finalFrom(), update.parameters().get("from"));
        assertEquals(CallStatus.MISSED, update.parameters().get("next"));
        assertEquals("ring_timeout", update.parameters().get("cause"));
        assertEquals(0, update.parameters().get("duration"));
        assertEquals(waiting.version(), update.parameters().get("version"));
        assertTrue(update.jpql().contains("c.version = :version AND c.status IN :from"), update.jpql());
    }

    @Test
    void anEndThatLosesTheRaceDecidesAgainAndGivesUpWithABusyConflict() {
        CallLog active = CallLogs.inbound(CallStatus.ACTIVE, UUID.randomUUID());
        db.stored = active;
        int[] decisions = {0};
        db.updateCounts.add(0);
        assertSame(active, transitions.end(active.id(), call -> {
            decisions[0]++;
            return new Ending(CallStatus.ENDED, "ended_by_agent");
        }));
        assertEquals(2, decisions[0]);

        for (int i = 0; i < CallTransitions.MAX_ATTEMPTS; i++) {
            db.updateCounts.add(0);
        }
        CallCenterException busy = assertThrows(CallCenterException.class,
                () -> transitions.end(active.id(), call -> new Ending(CallStatus.ENDED, "ended_by_agent")));
        assertEquals("call-busy", busy.type());
    }

    @Test
    void nothingIsWrittenWhenThereIsNothingToEndAndAnUnknownCallIsNotFound() {
        db.stored = CallLogs.inbound(CallStatus.ENDED, null);
        assertNull(transitions.end(db.stored.id(), call -> null));
        assertTrue(db.queries.isEmpty());
        db.stored = null;
        assertEquals(404, assertThrows(CallCenterException.class,
                () -> transitions.end(UUID.randomUUID(), call -> null)).status());
    }

    @Test
    void aWrapUpNeedsAFinalCallAndItsCheckRunsFirst() {
        CallLog ended = CallLogs.inbound(CallStatus.ENDED, UUID.randomUUID());
        db.stored = ended;
        transitions.wrapUp(ended.id(), call -> { }, "resolved", null);
        assertSame(CallStatus.finals(), db.last().parameters().get("from"));
        assertEquals("resolved", db.last().parameters().get("disposition"));

        db.queries.clear();
        CallCenterException refused = CallCenterException.forbidden("no");
        assertSame(refused, assertThrows(CallCenterException.class, () -> transitions.wrapUp(ended.id(), call -> {
            throw refused;
        }, "resolved", null)));
        assertTrue(db.queries.isEmpty());
    }

    @Test
    void anEndingIsFinalAndItsDurationCountsOnlyAnsweredEndedCalls() {
        assertThrows(IllegalArgumentException.class, () -> new Ending(CallStatus.ACTIVE, "x"));
        CallLog unanswered = CallLogs.inbound(CallStatus.ACTIVE, null);
        Instant now = Instant.parse("2026-11-23T17:03:11Z");
        assertEquals(0, new Ending(CallStatus.ENDED, "x").durationSeconds(unanswered, now), "never answered");
        assertEquals(42, new Ending(CallStatus.ENDED, "x", 42).durationSeconds(unanswered, now), "the carrier's figure");
        assertEquals(0, new Ending(CallStatus.ENDED, "x", -5).durationSeconds(unanswered, now));
        assertEquals(0, new Ending(CallStatus.MISSED, "x", 42).durationSeconds(unanswered, now), "a missed call");
        assertEquals(0, new Ending(CallStatus.FAILED, "x").durationSeconds(unanswered, now));
    }
}
