package callcenter.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** On this test's own JVM: the trim gives committed heap back and leaves the JVM's ratios as they were. */
class MemoryTrimTest {

    private static final int MB = 1024 * 1024;

    @Test
    void theCollectionGivesTheBootsGarbageBackAndTheRatiosAreRestored() throws Exception {
        assumeTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .noneMatch(a -> a.contains("HeapFreeRatio")), "this JVM was started with its own heap ratios");
        String minFree = MemoryTrim.value("MinHeapFreeRatio");
        String maxFree = MemoryTrim.value("MaxHeapFreeRatio");
        assumeTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .noneMatch(a -> a.contains("DisableExplicitGC")), "explicit collections are off in this JVM");
        grow();

        MemoryTrim.Result result = MemoryTrim.trim();

        assertNotNull(result);
        assertTrue(result.committedAfter() < result.committedBefore(),
                "committed " + result.committedBefore() / MB + " -> " + result.committedAfter() / MB + " MB");
        // At most 30 % free after the collection, give or take the regions the collector rounds to.
        long ceiling = (long) (result.used() / 0.7) + 64 * MB;
        assertTrue(result.committedAfter() <= ceiling, "committed " + result.committedAfter() / MB + " MB for "
                + result.used() / MB + " MB in use");
        assertEquals(minFree, MemoryTrim.value("MinHeapFreeRatio"), "the JVM's own minimum again");
        assertEquals(maxFree, MemoryTrim.value("MaxHeapFreeRatio"), "the JVM's own maximum again");
        assertTrue(result.nativeHeap().startsWith("Trim native heap") || result.nativeHeap().contains("not trimmed"),
                result.nativeHeap());
    }

    /** What a boot does to the heap: a few hundred MB allocated, most of it garbage by the end. */
    private static void grow() {
        List<byte[]> boot = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            boot.add(new byte[MB]);
        }
        assertEquals(300, boot.size());
    }
}
