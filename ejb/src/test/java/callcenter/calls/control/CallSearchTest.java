package callcenter.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import callcenter.calls.entity.CallStatus;
import callcenter.common.Actor;
import callcenter.common.CallCenterException;
import callcenter.common.Cursor;
import callcenter.common.FieldError;
import callcenter.common.Roles;
import callcenter.platform.PhoneNumbers;

class CallSearchTest {

    private static final UnaryOperator<String> KENYA = raw -> PhoneNumbers.normalize(raw, "KE", "phoneNumber");
    private static final Actor ADMIN = Actor.user(UUID.randomUUID(), "admin", Roles.ADMIN);

    private static final CallFilter NONE = new CallFilter(null, null, null, null, null, null);

    private static CallFilter parse(String status, String channel, String agentId, String phone, String from, String to) {
        return CallFilter.parse(status, channel, agentId, phone, from, to, KENYA);
    }

    @Test
    void everyFilterIsReadIntoItsType() {
        UUID agent = UUID.randomUUID();
        CallFilter filter = parse(" active ", "telnyx", agent.toString(), "0711000111", "2026-01-01T00:00:00Z",
                "2026-01-02T00:00:00.500+01:00");
        assertEquals(new CallFilter(CallStatus.ACTIVE, "telnyx", agent, "+254711000111",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T23:00:00.500Z")), filter);
        assertEquals(NONE, parse(null, null, null, null, null, null));
    }

    @Test
    void everyBadFilterIsNamedInOneAnswer() {
        CallCenterException e = assertThrows(CallCenterException.class,
                () -> parse("ringing", "fax", "nope", "garbage", "yesterday", "2026-13-01"));
        assertEquals(400, e.status());
        assertEquals(List.of("status", "channel", "agentId", "phoneNumber", "from", "to"),
                e.errors().stream().map(FieldError::field).toList());
        // Present but empty is a mistake, not "no filter".
        assertEquals(List.of("status", "channel"), assertThrows(CallCenterException.class,
                () -> parse("", " ", null, null, null, null)).errors().stream().map(FieldError::field).toList());
        assertEquals(new FieldError("to", "must be after from"), assertThrows(CallCenterException.class,
                () -> parse(null, null, null, null, "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z")).errors().get(0));
    }

    @Test
    void theQueryAppliesTheFiltersWhoMaySeeWhatAndTheCursorNewestFirst() {
        UUID agent = UUID.randomUUID();
        CallFilter filter = parse("waiting", null, null, "0711000111", null, "2026-01-02T00:00:00Z");
        Cursor.Position after = new Cursor.Position(Instant.parse("2026-01-01T12:00:00Z"), UUID.randomUUID());
        CallSearch.Select select = CallSearch.select(filter, after, Actor.user(agent, "ann", Roles.AGENT));
        assertEquals("SELECT c FROM CallLog c LEFT JOIN FETCH c.agent WHERE c.status = :status"
                + " AND c.phoneNumber = :phoneNumber AND c.createdAt < :to"
                + " AND (c.agentId = :access0 OR c.status = :access1)"
                + " AND (c.createdAt < :afterAt OR (c.createdAt = :afterAt AND c.id < :afterId))"
                + " ORDER BY c.createdAt DESC, c.id DESC", select.jpql());
        assertEquals(Map.of("status", CallStatus.WAITING, "phoneNumber", "+254711000111",
                "to", Instant.parse("2026-01-02T00:00:00Z"), "access0", agent, "access1", CallStatus.WAITING,
                "afterAt", after.createdAt(), "afterId", after.id()), select.parameters());

        assertEquals("SELECT c FROM CallLog c LEFT JOIN FETCH c.agent ORDER BY c.createdAt DESC, c.id DESC",
                CallSearch.select(NONE, null, ADMIN).jpql());
    }
}
