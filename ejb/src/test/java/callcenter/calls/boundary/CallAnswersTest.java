package callcenter.calls.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.Test;

import callcenter.calls.entity.TimelineEntry;
import callcenter.common.Page;

/**
 * Each answer record as JSON-B writes it, member for member and in order, against the JSON the API wrote before the
 * records replaced the hand-built JSON-P (the expected strings are that code's output for the same calls).
 */
class CallAnswersTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final UUID ID = UUID.fromString("11111111-2222-3333-4444-555555555555");
    private static final UUID AGENT = UUID.fromString("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");

    static final String WAITING = "{\"id\":\"11111111-2222-3333-4444-555555555555\",\"direction\":\"inbound\",\"channel\":\"app\","
            + "\"status\":\"waiting\",\"callerName\":\"Ann\",\"phoneNumber\":\"+254711000111\",\"ivrOption\":null,"
            + "\"queueName\":null,\"queue\":null,\"priority\":0,\"queuePosition\":null,\"estimatedWaitSeconds\":null,\"agent\":null,\"createdAt\":\"2026-11-23T17:02:11.000Z\",\"answeredAt\":null,"
            + "\"endedAt\":null,\"durationSeconds\":null,\"hangupCause\":null,\"provider\":null}";
    static final String ACTIVE = "{\"id\":\"11111111-2222-3333-4444-555555555555\",\"direction\":\"inbound\",\"channel\":\"telnyx\","
            + "\"status\":\"active\",\"callerName\":\"Ann\",\"phoneNumber\":\"+254711000111\",\"ivrOption\":\"1\","
            + "\"queueName\":\"sales\",\"queue\":null,\"priority\":0,\"queuePosition\":null,\"estimatedWaitSeconds\":null,\"agent\":{\"id\":\"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\","
            + "\"displayName\":\"Agent Smith\"},\"createdAt\":\"2026-11-23T17:02:11.120Z\","
            + "\"answeredAt\":\"2026-11-23T17:02:15.000Z\",\"endedAt\":null,\"durationSeconds\":null,"
            + "\"hangupCause\":null,\"provider\":{\"name\":\"telnyx\",\"callControlId\":\"v3:abc\"}}";
    static final String NO_NAMES = "{\"id\":\"11111111-2222-3333-4444-555555555555\",\"direction\":\"outbound\",\"channel\":\"africastalking\","
            + "\"status\":\"dialing\",\"callerName\":null,\"phoneNumber\":\"+254711000111\",\"ivrOption\":null,"
            + "\"queueName\":null,\"queue\":null,\"priority\":0,\"queuePosition\":null,\"estimatedWaitSeconds\":null,\"agent\":{\"id\":\"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\",\"displayName\":null},"
            + "\"createdAt\":\"2026-11-23T17:02:11.120Z\",\"answeredAt\":null,\"endedAt\":null,\"durationSeconds\":null,"
            + "\"hangupCause\":null,\"provider\":{\"name\":\"africastalking\",\"sessionId\":\"ATVId_1\"}}";
    static final String WRAPPED_UP = "{\"id\":\"11111111-2222-3333-4444-555555555555\",\"direction\":\"inbound\",\"channel\":\"app\","
            + "\"status\":\"ended\",\"callerName\":\"Ann\",\"phoneNumber\":\"+254711000111\",\"ivrOption\":null,"
            + "\"queueName\":null,\"queue\":null,\"priority\":0,\"queuePosition\":null,\"estimatedWaitSeconds\":null,\"agent\":{\"id\":\"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\","
            + "\"displayName\":\"Agent Smith\"},\"createdAt\":\"2026-11-23T17:02:11.120Z\","
            + "\"answeredAt\":\"2026-11-23T17:02:15.000Z\",\"endedAt\":\"2026-11-23T17:03:15.000Z\","
            + "\"durationSeconds\":60,\"hangupCause\":\"ended_by_agent\",\"provider\":null,\"disposition\":\"resolved\","
            + "\"note\":null}";
    static final String WRAPPED_UP_WITH_NOTE = "{\"id\":\"11111111-2222-3333-4444-555555555555\",\"direction\":\"inbound\",\"channel\":\"app\","
            + "\"status\":\"ended\",\"callerName\":\"Ann\",\"phoneNumber\":\"+254711000111\",\"ivrOption\":null,"
            + "\"queueName\":null,\"queue\":null,\"priority\":0,\"queuePosition\":null,\"estimatedWaitSeconds\":null,\"agent\":{\"id\":\"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\","
            + "\"displayName\":\"Agent Smith\"},\"createdAt\":\"2026-11-23T17:02:11.120Z\","
            + "\"answeredAt\":\"2026-11-23T17:02:15.000Z\",\"endedAt\":\"2026-11-23T17:03:15.000Z\","
            + "\"durationSeconds\":60,\"hangupCause\":\"ended_by_agent\",\"provider\":null,\"disposition\":\"resolved\","
            + "\"note\":\"Reset it\"}";
    static final String INITIATED = "{\"id\":\"11111111-2222-3333-4444-555555555555\",\"direction\":\"inbound\",\"channel\":\"app\","
            + "\"status\":\"waiting\",\"callerName\":\"Ann\",\"phoneNumber\":\"+254711000111\",\"ivrOption\":null,"
            + "\"queueName\":null,\"queue\":null,\"priority\":0,\"queuePosition\":null,\"estimatedWaitSeconds\":null,\"agent\":null,\"createdAt\":\"2026-11-23T17:02:11.000Z\",\"answeredAt\":null,"
            + "\"endedAt\":null,\"durationSeconds\":null,\"hangupCause\":null,\"provider\":null,\"callerToken\":\"a.b.c\"}";
    static final String WITH_TIMELINE = "{\"id\":\"11111111-2222-3333-4444-555555555555\",\"direction\":\"inbound\",\"channel\":\"app\","
            + "\"status\":\"ended\",\"callerName\":\"Ann\",\"phoneNumber\":\"+254711000111\",\"ivrOption\":null,"
            + "\"queueName\":null,\"queue\":null,\"priority\":0,\"queuePosition\":null,\"estimatedWaitSeconds\":null,\"agent\":{\"id\":\"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\","
            + "\"displayName\":\"Agent Smith\"},\"createdAt\":\"2026-11-23T17:02:11.120Z\","
            + "\"answeredAt\":\"2026-11-23T17:02:15.000Z\",\"endedAt\":\"2026-11-23T17:03:15.000Z\","
            + "\"durationSeconds\":60,\"hangupCause\":\"ended_by_agent\",\"provider\":null,\"disposition\":\"resolved\","
            + "\"note\":\"Reset it\",\"events\":[{\"type\":\"created\",\"at\":\"2026-11-23T17:02:11.120Z\","
            + "\"data\":{\"direction\":\"inbound\",\"n\":2}},{\"type\":\"offered\",\"at\":\"2026-11-23T17:02:11.121Z\","
            + "\"data\":{\"agents\":0}}]}";

    static CallView waiting() {
        return new CallView(ID, "inbound", "app", "waiting", "Ann", "+254711000111", null, null, null,
                "2026-11-23T17:02:11.000Z", null, null, null, null, null, null, null, null, 0, null, null, 1);
    }

    static CallView wrappedUp(JsonValue note) {
        return new CallView(ID, "inbound", "app", "ended", "Ann", "+254711000111", null, null,
                new CallView.Agent(AGENT, "Agent Smith"), "2026-11-23T17:02:11.120Z", "2026-11-23T17:02:15.000Z",
                "2026-11-23T17:03:15.000Z", 60, "ended_by_agent", null, "resolved", note, null, 0, null, null, 7);
    }

    @Test
    void theCallWritesTheListedMembersAlsoWhenNullAndNeitherItsVersionNorAWrapUpBeforeThereIsOne() {
        assertEquals(WAITING, JSONB.toJson(waiting()));
        assertEquals(ACTIVE, JSONB.toJson(new CallView(ID, "inbound", "telnyx", "active", "Ann", "+254711000111", "1",
                "sales", new CallView.Agent(AGENT, "Agent Smith"), "2026-11-23T17:02:11.120Z",
                "2026-11-23T17:02:15.000Z", null, null, null, new CallView.Provider("telnyx", "v3:abc", null), null,
                null, null, 0, null, null, 3)));
        assertEquals(NO_NAMES, JSONB.toJson(new CallView(ID, "outbound", "africastalking", "dialing", null,
                "+254711000111", null, null, new CallView.Agent(AGENT, null), "2026-11-23T17:02:11.120Z", null, null,
                null, null, new CallView.Provider("africastalking", null, "ATVId_1"), null, null, null, 0, null,
                null, 2)));
    }

    @Test
    void aWrappedUpCallShowsItsDispositionAndItsNoteEvenWhenThereIsNone() {
        assertEquals(WRAPPED_UP, JSONB.toJson(wrappedUp(JsonValue.NULL)));
        assertEquals(WRAPPED_UP_WITH_NOTE, JSONB.toJson(wrappedUp(Json.createValue("Reset it"))));
    }

    @Test
    void theInitiatedCallAddsItsCallerToken() {
        assertEquals(INITIATED, JSONB.toJson(InitiatedCall.of(waiting(), "a.b.c")));
    }

    @Test
    void oneCallAddsItsTimelineOldestFirst() {
        List<TimelineEntry> timeline = List.of(
                new TimelineEntry(ID, "created", Instant.parse("2026-11-23T17:02:11.120Z"),
                        "{\"direction\":\"inbound\",\"n\":2}"),
                new TimelineEntry(ID, "offered", Instant.parse("2026-11-23T17:02:11.121Z"), "{\"agents\":0}"));
        assertEquals(WITH_TIMELINE, JSONB.toJson(CallWithTimeline.of(wrappedUp(Json.createValue("Reset it")), timeline)));
    }

    @Test
    void aPageOfCallsWritesItsCursorAsNullOnTheLastPage() {
        assertEquals("{\"items\":[" + WAITING + "],\"nextCursor\":null}",
                JSONB.toJson(new Page<>(List.of(waiting()), null)));
        assertEquals("{\"items\":[],\"nextCursor\":\"abc\"}", JSONB.toJson(new Page<>(List.of(), "abc")));
    }
}
