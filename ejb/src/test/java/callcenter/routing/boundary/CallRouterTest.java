package callcenter.routing.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import callcenter.calls.boundary.CallOffers;
import callcenter.calls.boundary.CallView;
import callcenter.calls.boundary.CallWaiting;
import callcenter.events.Audience;
import callcenter.events.Push;
import callcenter.events.PushPublisher;
import callcenter.routing.control.Offer;
import callcenter.routing.control.RingAll;

class CallRouterTest {

    private final List<String> offered = new ArrayList<>();
    private final List<Push> published = new ArrayList<>();

    private CallRouter router(Offer offer) {
        CallRouter router = new CallRouter();
        router.strategy = new RingAll() {
            @Override
            public Offer offer(CallView call) {
                return offer;
            }
        };
        router.offers = new CallOffers() {
            @Override
            public void offered(UUID callId, int agents) {
                offered.add(callId + ":" + agents);
            }
        };
        router.publisher = new PushPublisher() {
            @Override
            public void publish(Push event) {
                published.add(event);
            }
        };
        return router;
    }

    @Test
    void aWaitingCallIsOfferedAsTheStrategySaysRecordedAndPushedInOrderWithItsChanges() {
        UUID id = UUID.randomUUID();
        CallView call = new CallView(id, "inbound", "app", "waiting", "Ann", "+254711000111", "2", null, null,
                "2026-11-23T17:02:11.000Z", null, null, null, null, null, null, null, 1);
        router(new Offer(Audience.available(), 5)).route(new CallWaiting(call));

        assertEquals(List.of(id + ":5"), offered);
        assertEquals(1, published.size());
        Push incoming = published.get(0);
        assertEquals("call:incoming", incoming.event());
        assertEquals(Audience.available(), incoming.audience());
        assertEquals("call:" + id, incoming.orderKey());
        assertEquals(1L, incoming.sequence());
        assertEquals("{\"callId\":\"" + id + "\",\"callerName\":\"Ann\",\"channel\":\"app\",\"ivrOption\":\"2\","
                + "\"phoneNumber\":\"+254711000111\",\"timestamp\":\"2026-11-23T17:02:11.000Z\"}", incoming.data());
    }
}
