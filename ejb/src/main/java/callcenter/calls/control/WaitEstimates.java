package callcenter.calls.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The caller's estimated wait (api.md section 7), from the measured recent throughput of its queue: the calls of the
 * queue answered lately, at most {@link #HISTORY} of them within the last {@link #WINDOW}, make a rate
 * {@code n / (now - the oldest of them)}; the call at position {@code k} is answered after about the {@code k}-th
 * answer from now, {@code k / rate}. The rate falls on its own while nobody answers, because the span grows. Too
 * little history (fewer than {@link #MIN_HISTORY} answers) gives no estimate: null. Accuracy is measured by
 * {@code WaitEstimatesTest}'s seeded simulation.
 */
public final class WaitEstimates {

    public static final int HISTORY = 30;
    public static final int MIN_HISTORY = 5;
    public static final Duration WINDOW = Duration.ofHours(1);

    private WaitEstimates() {
    }

    /**
     * @param position       1 = the next call to be answered
     * @param recentAnswers  when recent calls of the queue were answered, within {@link #WINDOW}, at most
     *                       {@link #HISTORY}, any order
     */
    public static Integer seconds(int position, List<Instant> recentAnswers, Instant now) {
        if (position < 1 || recentAnswers.size() < MIN_HISTORY) {
            return null;
        }
        Instant oldest = recentAnswers.stream().min(Instant::compareTo).orElseThrow();
        double span = Duration.between(oldest, now).toMillis() / 1000.0;
        if (span <= 0) {
            return null;
        }
        double rate = recentAnswers.size() / span;
        return (int) Math.round(position / rate);
    }
}
