package callcenter.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RecentDurationsTest {

    @Test
    void quantilesAreNearestRankOverWhatWasRecorded() {
        RecentDurations recent = new RecentDurations(1000);
        for (int i = 100; i >= 1; i--) {
            recent.record(i * 1_000_000L); // 1..100 ms, out of order
        }
        assertEquals(0.050, recent.quantileSeconds(0.5), 1e-9);
        assertEquals(0.099, recent.quantileSeconds(0.99), 1e-9);
        assertEquals(0.100, recent.quantileSeconds(1), 1e-9);
        assertEquals(0.001, recent.quantileSeconds(0), 1e-9);
    }

    @Test
    void onlyTheLastCapacityDurationsCount() {
        RecentDurations recent = new RecentDurations(10);
        for (int i = 0; i < 10; i++) {
            recent.record(5_000_000_000L); // an old slow phase, pushed out below
        }
        for (int i = 1; i <= 10; i++) {
            recent.record(i * 1_000L);
        }
        assertEquals(10e-6, recent.quantileSeconds(1), 1e-12);
        assertEquals(5e-6, recent.quantileSeconds(0.5), 1e-12);
    }

    @Test
    void nothingRecordedIsZeroAndNegativeDurationsCountAsZero() {
        RecentDurations recent = new RecentDurations(4);
        assertEquals(0, recent.quantileSeconds(0.99));
        recent.record(-5);
        assertEquals(0, recent.quantileSeconds(1));
        assertThrows(IllegalArgumentException.class, () -> new RecentDurations(0));
    }
}
