package callcenter.web.push;

/**
 * A token bucket per socket: {@link #RATE} client events a second on average, bursts up to {@link #BURST}. A client
 * that spams {@code webrtc:ice} or toggles its status cannot fill other sockets' queues or flood every dashboard;
 * what is over the limit is dropped and answered with {@code error} {@code rate_limited}, once per run of drops
 * (answering each dropped event would make the flood our own).
 */
final class EventRate {

    static final double RATE = 20;
    static final double BURST = 60;

    private double tokens = BURST;
    private long last;
    private boolean dropping;

    /** The verdict on one event arriving at {@code nanos} (a monotonic clock: {@link System#nanoTime()}). */
    enum Verdict { PASS, DROP_AND_TELL, DROP }

    EventRate(long nanos) {
        last = nanos;
    }

    /** Synchronized: one socket's messages arrive one at a time, but nothing in the spec promises so. */
    synchronized Verdict take(long nanos) {
        tokens = Math.min(BURST, tokens + (nanos - last) * RATE / 1e9);
        last = nanos;
        if (tokens >= 1) {
            tokens -= 1;
            dropping = false;
            return Verdict.PASS;
        }
        if (dropping) {
            return Verdict.DROP;
        }
        dropping = true;
        return Verdict.DROP_AND_TELL;
    }
}
