package callcenter.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Accept races during the fan-out load: a call is initiated, then every race agent sends {@code call:accept} at
 * once; measured from that moment to the winner's {@code call:accepted}. A race is right when exactly one agent
 * got {@code call:accepted} and every other one {@code error} {@code call_already_taken}.
 */
final class Races {

    private final Wire wire;
    private final int racers;
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> answered = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> wonAt = new ConcurrentHashMap<>();
    /** (when the accepts were sent, the winner's latency), nanoseconds, in the order of the races. */
    private final List<long[]> winnersOverTime = new ArrayList<>();
    private int oneWinner;

    Races(Wire wire, int racers) {
        this.wire = wire;
        this.racers = racers;
    }

    /** The race agents' frame handler; parses only the answers to an accept. */
    void frame(Agents.Agent agent, String event, String frame) {
        if (!"call:accepted".equals(event) && !"error".equals(event)) {
            return;
        }
        long now = System.nanoTime();
        if (!(Target.json("{\"d\":" + wire.data(frame) + "}").get("d") instanceof JsonObject data)) {
            return;
        }
        if ("call:accepted".equals(event)) {
            String id = data.getString("id", "");
            wonAt.computeIfAbsent(id, k -> new AtomicLong()).set(now);
            accepted.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            latch(id).countDown();
        } else if ("call_already_taken".equals(data.getString("code", ""))
                && data.get("callId") != null && data.get("callId").getValueType() == JsonValue.ValueType.STRING) {
            String id = data.getString("callId");
            refused.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            latch(id).countDown();
        }
    }

    /** {@code count} races, one every {@code spacingNanos} (as fast as they finish when 0). */
    Void run(Target target, String clientToken, List<Agents.Agent> sockets, int count, long spacingNanos) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * spacingNanos;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            String id = target.initiate("{\"callerName\":\"Race " + i + "\",\"phoneNumber\":\"+254722"
                    + String.format("%06d", i) + "\",\"queueName\":\"race\"}", clientToken);
            CountDownLatch done = latch(id);
            String frame = wire.encode("call:accept", "{\"callId\":\"" + id + "\"}");
            long sent = System.nanoTime();
            for (Agents.Agent agent : sockets) {
                agent.send(frame);
            }
            boolean complete = done.await(20, TimeUnit.SECONDS);
            int winners = accepted.getOrDefault(id, new AtomicInteger()).get();
            int losers = refused.getOrDefault(id, new AtomicInteger()).get();
            if (complete && winners == 1 && losers == racers - 1) {
                oneWinner++;
            } else {
                System.out.printf("  race for call %s: %d winners, %d refused%n", id, winners, losers);
            }
            if (winners > 0) {
                winnersOverTime.add(new long[] {sent, wonAt.get(id).get() - sent});
            }
        }
        return null;
    }

    List<long[]> winnersOverTime() {
        return winnersOverTime;
    }

    int withOneWinner() {
        return oneWinner;
    }

    long[] winnerTimes() {
        return winnersOverTime.stream().mapToLong(w -> w[1]).sorted().toArray();
    }

    private CountDownLatch latch(String id) {
        return answered.computeIfAbsent(id, k -> new CountDownLatch(racers));
    }
}
