package callcenter.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The wait estimate against a seeded simulation of a busy queue: calls arrive at random (Poisson), agents handle them
 * for a random time (log-normal, as contact-center handle times roughly are), first come first served. Each caller
 * who has to wait is given the estimate the platform would give at that moment, from the answers so far; once the
 * queue has history, the mean absolute error must stay within 30 % of the mean true wait.
 */
class WaitEstimatesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    /** What the simulation measured. */
    record Outcome(int estimated, double meanAbsoluteError, double meanTrueWait) {
        double relativeError() {
            return meanAbsoluteError / meanTrueWait;
        }
    }

    static Outcome simulate(long seed, int agents, double meanHandleSeconds, double load, double hours) {
        Random random = new Random(seed);
        double arrivalRate = load * agents / meanHandleSeconds;
        double sigma = 0.6;
        double mu = Math.log(meanHandleSeconds) - sigma * sigma / 2;
        PriorityQueue<Double> busyUntil = new PriorityQueue<>();
        Deque<double[]> waiting = new ArrayDeque<>(); // {arrival, estimate or -1}
        List<Double> answers = new ArrayList<>();
        double now = 0;
        double nextArrival = exponential(random, arrivalRate);
        double errorSum = 0;
        double waitSum = 0;
        int estimated = 0;
        while (nextArrival < hours * 3600 || !waiting.isEmpty()) {
            double nextFree = busyUntil.size() < agents ? now : busyUntil.peek();
            boolean arrivalsOver = nextArrival >= hours * 3600;
            if (!waiting.isEmpty() && (nextFree <= nextArrival || arrivalsOver)) {
                now = Math.max(now, nextFree);
                if (busyUntil.size() >= agents) {
                    busyUntil.poll();
                }
                double[] call = waiting.poll();
                answers.add(now);
                busyUntil.add(now + Math.exp(mu + sigma * random.nextGaussian()));
                if (call[1] >= 0) {
                    errorSum += Math.abs(call[1] - (now - call[0]));
                    waitSum += now - call[0];
                    estimated++;
                }
                continue;
            }
            now = nextArrival;
            nextArrival = now + exponential(random, arrivalRate);
            while (!busyUntil.isEmpty() && busyUntil.peek() <= now) {
                busyUntil.poll();
            }
            if (busyUntil.size() < agents && waiting.isEmpty()) {
                answers.add(now);
                busyUntil.add(now + Math.exp(mu + sigma * random.nextGaussian()));
                continue;
            }
            Integer estimate = WaitEstimates.seconds(waiting.size() + 1, recent(answers, now), T0.plusMillis((long) (now * 1000)));
            boolean hasHistory = answers.size() >= WaitEstimates.HISTORY;
            waiting.add(new double[] {now, estimate != null && hasHistory ? estimate : -1});
        }
        return new Outcome(estimated, errorSum / estimated, waitSum / estimated);
    }

    /** The answers the platform would read: within the window, the newest {@link WaitEstimates#HISTORY}. */
    private static List<Instant> recent(List<Double> answers, double now) {
        List<Instant> recent = new ArrayList<>();
        for (int i = answers.size() - 1; i >= 0 && recent.size() < WaitEstimates.HISTORY; i--) {
            if (now - answers.get(i) > WaitEstimates.WINDOW.getSeconds()) {
                break;
            }
            recent.add(T0.plusMillis((long) (answers.get(i) * 1000)));
        }
        return recent;
    }

    private static double exponential(Random random, double rate) {
        return -Math.log(1 - random.nextDouble()) / rate;
    }

    @Test
    void onABusyQueueTheEstimateIsWithinThirtyPercentOfTheTrueWait() {
        for (long seed : new long[] {1, 2, 3}) {
            Outcome outcome = simulate(seed, 10, 180, 0.98, 8);
            assertTrue(outcome.estimated() > 200, "enough waiting callers: " + outcome);
            assertTrue(outcome.relativeError() <= 0.30, "seed " + seed + ": " + outcome
                    + " relative error " + outcome.relativeError());
        }
    }

    @Test
    void withTooLittleHistoryThereIsNoEstimate() {
        assertNull(WaitEstimates.seconds(1, List.of(T0, T0.plusSeconds(10)), T0.plusSeconds(20)));
    }

    @Test
    void theCallAtPositionKWaitsAboutKAnswersAtTheMeasuredRate() {
        List<Instant> everyTenSeconds = List.of(T0, T0.plusSeconds(10), T0.plusSeconds(20), T0.plusSeconds(30),
                T0.plusSeconds(40));
        assertEquals(30, WaitEstimates.seconds(3, everyTenSeconds, T0.plusSeconds(50)));
    }
}
