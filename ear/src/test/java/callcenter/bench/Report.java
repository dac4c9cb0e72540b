package callcenter.bench;

import java.util.List;
import java.util.Locale;

/** Prints the figures of one target, and of every target side by side. */
final class Report {

    private Report() {
    }

    static void print(FanOutBenchmark.Result r, int agents, int calls, int rate, int raceAgents) {
        System.out.printf(Locale.ROOT, "%s: ready in %.1f s; idle RSS %d MB%s%n", r.target(), r.readySeconds(), r.idleRssMb(),
                r.settledRssMb() < 0 ? "" : String.format(Locale.ROOT, ", %d MB once its start-up warm-up had ended",
                        r.settledRssMb()));
        System.out.printf(Locale.ROOT, "  %d agents + %d race agents connected and registered in %.1f s (RSS %d MB)%n",
                agents, raceAgents, r.registerSeconds(), r.registeredRssMb());
        System.out.printf(Locale.ROOT, "  FAN-OUT %d calls at %d/s: initiate -> last agent has call:incoming: %s%n", calls, rate,
                percentiles(r.lastAgent()));
        System.out.printf(Locale.ROOT, "  initiate answered: %s%n", percentiles(r.initiate()));
        System.out.printf(Locale.ROOT, "  delivered %d of %d, lost %d; sockets closed by the server %d%n",
                r.delivered(), r.expected(), r.lost(), r.closedByServer());
        System.out.printf(Locale.ROOT, "  server CPU %.2f s for %d frames: %.1f µs per frame%n", r.cpuSeconds(), r.frames(),
                r.microsPerFrame());
        System.out.printf(Locale.ROOT, "  ACCEPT RACE %d agents x %d calls: one winner in %d; call:accept -> winner's call:accepted %s%n",
                raceAgents, r.races(), r.racesWithOneWinner(), percentiles(r.raceWinner()));
        System.out.printf(Locale.ROOT, "  thread dump after the window: %s%n",
                r.deadlocked() == 0 ? "no Java-level deadlock" : r.deadlocked() + " process(es) with a Java-level deadlock");
    }

    /**
     * The kinds of thread that used the most CPU in the window (threads that ended meanwhile are missing), and the CPU
     * per frame without the JIT compiler's threads: on a freshly started server they compile for minutes (thousands of
     * methods of the whole request path, not a few hot ones recompiled), so this is what compares two builds' code.
     */
    static void threads(java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
        threads(before, after, 0, 0);
    }

    static void threads(java.util.Map<String, Long> before, java.util.Map<String, Long> after, long frames,
                        double cpuSeconds) {
        StringBuilder line = new StringBuilder("  server CPU by thread:");
        java.util.Map<String, Long> used = new java.util.HashMap<>();
        after.forEach((name, millis) -> used.put(name, millis - before.getOrDefault(name, 0L)));
        used.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> line.append(String.format(Locale.ROOT, " %s %.2f s;", e.getKey(), e.getValue() / 1000.0)));
        System.out.println(line);
        long jit = used.entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                .mapToLong(java.util.Map.Entry::getValue).filter(m -> m > 0).sum();
        if (frames > 0) {
            System.out.printf(Locale.ROOT, "  of it the JIT compiler %.2f s; without it %.1f µs per frame%n", jit / 1000.0,
                    (cpuSeconds * 1000 - jit) * 1000.0 / frames);
        }
    }

    /**
     * The slowest latency of each part of the window, in order: whether a tail is the freshly started server's first
     * seconds (its JIT compiler at work) or spread over the window. {@code samples}: pairs of (when it was sent,
     * latency), both in nanoseconds; at most 20 parts.
     */
    static void overTime(String what, long windowStart, List<long[]> samples) {
        if (samples.isEmpty()) {
            return;
        }
        long end = samples.stream().mapToLong(s -> s[0]).max().orElse(windowStart);
        long part = Math.max(java.util.concurrent.TimeUnit.SECONDS.toNanos(1), (end - windowStart) / 20 + 1);
        java.util.TreeMap<Long, Long> slowest = new java.util.TreeMap<>();
        samples.forEach(s -> slowest.merge(Math.max(0, s[0] - windowStart) / part, s[1], Math::max));
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %s, slowest per %.0f s of the window (ms):",
                what, part / 1e9));
        slowest.forEach((index, nanos) -> line.append(String.format(Locale.ROOT, " %.0fs %.0f;", index * part / 1e9,
                nanos / 1e6)));
        System.out.println(line);
    }

    static void table(List<FanOutBenchmark.Result> results) {
        System.out.printf("%n%-10s %8s %8s %8s %9s %8s %8s %8s %5s %8s %8s %9s %8s %6s%n", "target", "ready s", "idle MB", "warm MB",
                "register", "p50 ms", "p99 ms", "max ms", "lost", "CPU s", "frames", "µs/frame", "race p99", "races");
        for (FanOutBenchmark.Result r : results) {
            System.out.printf(Locale.ROOT, "%-10s %8.1f %8d %8s %9.1f %8.1f %8.1f %8.1f %5d %8.2f %8d %9.1f %8.1f %3d/%d%n",
                    r.target(), r.readySeconds(), r.idleRssMb(), r.settledRssMb() < 0 ? "-" : Long.toString(r.settledRssMb()),
                    r.registerSeconds(), at(r.lastAgent(), 0.5),
                    at(r.lastAgent(), 0.99), at(r.lastAgent(), 1), r.lost(), r.cpuSeconds(), r.frames(), r.microsPerFrame(),
                    at(r.raceWinner(), 0.99), r.racesWithOneWinner(), r.races());
        }
    }

    static String percentiles(long[] sortedNanos) {
        if (sortedNanos.length == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)",
                at(sortedNanos, 0.50), at(sortedNanos, 0.90), at(sortedNanos, 0.99), at(sortedNanos, 1), sortedNanos.length);
    }

    /** The quantile in ms; NaN without samples. */
    static double at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1))] / 1e6;
    }
}
