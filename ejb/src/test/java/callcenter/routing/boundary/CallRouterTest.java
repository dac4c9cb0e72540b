package callcenter.routing.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import callcenter.calls.boundary.CallOffers;
import callcenter.calls.boundary.CallView;
import callcenter.calls.boundary.CallWaiting;
import callcenter.events.Audience;
import callcenter.events.Push;
import callcenter.events.PushPublisher;
import callcenter.queues.boundary.QueueService;
import callcenter.queues.entity.Queue;
import callcenter.queues.entity.Strategy;
import callcenter.routing.control.Offer;
import callcenter.routing.control.OfferRounds;
import callcenter.routing.control.RingAll;
import callcenter.routing.control.RoutingTimes;

class CallRouterTest {

    private final List<String> offered = new ArrayList<>();
    private final List<Push> published = new ArrayList<>();
    /** How many pushes each publish call sent: one JMS session and producer each. */
    private final List<Integer> publishes = new ArrayList<>();
    private final List<UUID> offeredOneAtATime = new ArrayList<>();
    private final List<Long> timed = new ArrayList<>();
    private final List<Integer> pushedWhenTimed = new ArrayList<>();
    private final List<Integer> pushedWhenPublished = new ArrayList<>();

    private CallRouter router(Offer offer, Strategy strategy, CallView call) {
        CallRouter router = new CallRouter();
        router.ringAll = new RingAll() {
            @Override
            public Offer offer(Collection<String> queues) {
                return offer;
            }
        };
        router.queues = new QueueService() {
            @Override
            public Queue find(String name, boolean orNull) {
                Queue queue = new Queue(name, Instant.EPOCH);
                queue.strategy(strategy);
                return queue;
            }
        };
        router.rounds = new OfferRounds() {
            @Override
            public void withdraw(UUID callId) {
            }

            @Override
            public void offerNew(CallView call) {
                offeredOneAtATime.add(call.id());
            }
        };
        router.offers = new CallOffers() {
            @Override
            public void offered(UUID callId, int agents) {
                offered.add(callId + ":" + agents);
            }

            @Override
            public CallView current(UUID callId) {
                return call;
            }
        };
        router.publisher = new PushPublisher() {
            @Override
            public void publish(List<Push> events) {
                publishes.add(events.size());
                published.addAll(events);
            }
        };
        router.times = new RoutingTimes() {
            @Override
            public void since(long startNanos) {
                timed.add(startNanos);
                pushedWhenTimed.add(published.size());
            }

            @Override
            public void published(long startNanos) {
                pushedWhenPublished.add(published.size());
            }
        };
        return router;
    }

    private static CallView call(UUID id) {
        return new CallView(id, "inbound", "app", "waiting", "Ann", "+254711000111", "2", null, null,
                "2026-11-23T17:02:11.000Z", null, null, null, null, null, null, null, "general", 3, null, null, 1);
    }

    @Test
    void aRingAllCallIsOfferedAsTheStrategySaysRecordedAndPushedInOrderWithItsChanges() {
        UUID id = UUID.randomUUID();
        CallView call = call(id);
        router(new Offer(List.of(Audience.available()), 5), Strategy.RING_ALL, call).route(new CallWaiting(call));

        assertEquals(List.of(id + ":5"), offered);
        assertEquals(1, timed.size(), "routing the call is timed once");
        assertEquals(List.of(0), pushedWhenTimed, "the routing's own time ends before its pushes are sent");
        assertEquals(List.of(1), pushedWhenPublished, "its time with the pushes ends after them");
        assertEquals(1, published.size());
        Push incoming = published.get(0);
        assertEquals("call:incoming", incoming.event());
        assertEquals(Audience.available(), incoming.audience());
        assertEquals("call:" + id, incoming.orderKey());
        assertEquals(1L, incoming.sequence());
        assertEquals("{\"callId\":\"" + id + "\",\"callerName\":\"Ann\",\"channel\":\"app\",\"ivrOption\":\"2\","
                + "\"phoneNumber\":\"+254711000111\",\"priority\":3,\"queue\":\"general\",\"queueName\":null,"
                + "\"timestamp\":\"2026-11-23T17:02:11.000Z\"}", incoming.data());
    }

    @Test
    void aRingAllCallOfAQueueThatNotEveryAvailableAgentServesGoesToEachMember() {
        UUID id = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        CallView call = call(id);
        router(new Offer(List.of(Audience.user(a), Audience.user(b)), 2), Strategy.RING_ALL, call)
                .route(new CallWaiting(call));

        assertEquals(List.of(id + ":2"), offered);
        assertEquals(List.of(Audience.user(a), Audience.user(b)), published.stream().map(Push::audience).toList());
        assertEquals(List.of(2), publishes, "every member's push in one publish");
        assertEquals(published.get(0).data(), published.get(1).data());
        assertEquals(List.of("call:" + id), published.stream().map(Push::orderKey).distinct().toList());
        assertEquals(List.of(1L), published.stream().map(Push::sequence).distinct().toList());
    }

    @Test
    void aOneAtATimeCallIsLeftToTheOfferRounds() {
        UUID id = UUID.randomUUID();
        CallView call = call(id);
        router(new Offer(List.of(Audience.available()), 5), Strategy.LONGEST_IDLE, call).route(new CallWaiting(call));

        assertEquals(List.of(id), offeredOneAtATime);
        assertTrue(offered.isEmpty());
        assertTrue(published.isEmpty());
    }
}
