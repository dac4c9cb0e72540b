package callcenter.platform;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Gives back, once, the memory that deploying the node left behind. Booting WildFly and the EAR (annotation indexes,
 * Hibernate's and Weld's boot models, the OpenAPI scan) grows G1's heap to some 340 MB, of which about 115 MB is
 * still live once the node is up. G1 keeps the rest committed: it shrinks the heap only after a full or concurrent
 * collection, and then only while more than {@code MaxHeapFreeRatio} (70 %) of it is free; glibc likewise keeps the
 * native memory the boot freed. An idle node held about 620 MB that way.
 * <p>
 * So once, when the node's start is over: one full collection with G1 allowed to keep
 * at most {@value #MAX_FREE_PERCENT} % free, the JVM's own ratios restored right after (under load the heap grows
 * again as G1 decides and shrinks by its usual rules: only this one collection is different), then the native heap
 * trimmed (JDK 17.0.9 and later). Measured with {@code jcmd} on the running node: 623 MB RSS before, 457 MB after the
 * collection, 423 MB after the trim. Done by the node itself at start, idle RSS 487 MB median over 8 starts against
 * 659 MB over 10 (docs/performance.md); the collection takes 0.19-0.27 s. When: at the end of the start-up warm-up
 * ({@code CallPathsWarmUp}), whose 200 passes grew the heap again by some 100 MB (idle RSS median 645 against 549 MB
 * over five starts each without this); without a warm-up, at the end of the deployment ({@code StartupTrim}).
 * <p>
 * The JVM options stay the operator's: when either ratio was given at the JVM's start (command line,
 * {@code JDK_JAVA_OPTIONS}), nothing is changed; {@code -XX:+DisableExplicitGC} makes the collection a no-op.
 */
public final class MemoryTrim {

    private static final Logger LOG = Logger.getLogger(MemoryTrim.class.getName());
    private static final String HOTSPOT = "com.sun.management:type=HotSpotDiagnostic";
    private static final String DIAGNOSTIC_COMMANDS = "com.sun.management:type=DiagnosticCommand";
    private static final int MIN_FREE_PERCENT = 10;
    private static final int MAX_FREE_PERCENT = 30;
    /** What G1 rounds the heap's size to (a few regions), so that a shrunk heap is not taken for a skipped one. */
    private static final long SLACK_BYTES = 32L * 1024 * 1024;
    /** {@code com.sun.management.VMOption.Origin}'s names for what was set when the JVM was started. */
    private static final Set<String> OPERATORS_ORIGINS = Set.of("VM_CREATION", "ENVIRON_VAR", "CONFIG_FILE");

    private MemoryTrim() {
    }

    /** Trims, and says in one log line what it gave back (or why nothing). */
    public static void trimAndLog() {
        try {
            Result result = trim();
            if (result == null) {
                LOG.info("Heap free ratios set when the JVM started: the heap is left as it is after start-up");
            } else {
                LOG.info(() -> "Start-up memory given back in " + result.millis() + " ms: heap committed "
                        + mb(result.committedBefore()) + " -> " + mb(result.committedAfter()) + " MB ("
                        + mb(result.used()) + " MB in use); " + result.nativeHeap());
            }
        } catch (JMException | RuntimeException e) {
            // Only memory is at stake: the node runs the same without it.
            LOG.log(Level.INFO, "Start-up memory not given back: " + e);
        }
    }

    /** What one trim did: the heap's committed bytes before and after, its bytes in use after, the native trim. */
    public record Result(long committedBefore, long committedAfter, long used, long millis, String nativeHeap) {
    }

    /** The collection and the native trim; null when the operator set either ratio (nothing done then). */
    public static Result trim() throws JMException {
        String minFree = unlessOperators("MinHeapFreeRatio");
        String maxFree = unlessOperators("MaxHeapFreeRatio");
        if (minFree == null || maxFree == null) {
            return null;
        }
        long started = System.nanoTime();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        MemoryUsage before = memory.getHeapMemoryUsage();
        // Min before max going down, max before min going up: the JVM refuses a minimum above the maximum.
        setOption("MinHeapFreeRatio", Integer.toString(MIN_FREE_PERCENT));
        setOption("MaxHeapFreeRatio", Integer.toString(MAX_FREE_PERCENT));
        try {
            collect(memory);
        } finally {
            setOption("MaxHeapFreeRatio", maxFree);
            setOption("MinHeapFreeRatio", minFree);
        }
        MemoryUsage after = memory.getHeapMemoryUsage();
        String nativeHeap = trimNativeHeap();
        return new Result(before.getCommitted(), after.getCommitted(), after.getUsed(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), nativeHeap);
    }

    /**
     * One full collection, asked again (at most twice) while the heap still holds more than the free share it was
     * allowed: the JVM skips a {@code System.gc()} when another collection ran between the request and its turn (one
     * of ten starts measured kept 336 MB committed for 116 MB in use, after 83 ms).
     */
    private static void collect(MemoryMXBean memory) {
        for (int attempt = 0; attempt < 3; attempt++) {
            System.gc();
            MemoryUsage heap = memory.getHeapMemoryUsage();
            if (heap.getCommitted() <= heap.getUsed() / (1 - MAX_FREE_PERCENT / 100.0) + SLACK_BYTES) {
                return;
            }
        }
    }

    /** The option's current value. */
    static String value(String name) throws JMException {
        return String.valueOf(option(name).get("value"));
    }

    /**
     * The option's value unless the operator chose it when starting the JVM (on the command line, in
     * {@code JDK_JAVA_OPTIONS} or an options file), else null. A value set through management (this trim on an
     * earlier deployment in the same JVM, or {@code jcmd}) is no start-up choice.
     */
    private static String unlessOperators(String name) throws JMException {
        CompositeData option = option(name);
        return OPERATORS_ORIGINS.contains(String.valueOf(option.get("origin"))) ? null
                : String.valueOf(option.get("value"));
    }

    private static CompositeData option(String name) throws JMException {
        return (CompositeData) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(HOTSPOT),
                "getVMOption", new Object[] {name}, new String[] {String.class.getName()});
    }

    private static void setOption(String name, String value) throws JMException {
        ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(HOTSPOT), "setVMOption",
                new Object[] {name, value}, new String[] {String.class.getName(), String.class.getName()});
    }

    /** glibc's malloc_trim through the JDK's diagnostic command; a JDK without the command has nothing to say. */
    private static String trimNativeHeap() {
        try {
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMANDS),
                    "systemTrimNativeHeap", new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return String.valueOf(answer).strip();
        } catch (JMException | RuntimeException e) {
            return "native heap not trimmed (" + e.getMessage() + ")";
        }
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
