package callcenter.web.push;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps the events of one call (or one agent) in commit order on this node: it remembers the highest sequence pushed
 * per key and rejects anything older, so {@code call:incoming} can never follow {@code call:taken} of the same call
 * even when messages are consumed concurrently. Events of one transaction share a sequence and all pass. Bounded:
 * keys idle longer than the time to live, or beyond the size limit (oldest first), are forgotten.
 */
final class SequenceFilter {

    private record Seen(long sequence, long at) {
    }

    private final int maxKeys;
    private final long ttlNanos;
    private final LongSupplier clock;
    // Insertion order is last-update order: a key is removed and re-inserted on each update.
    private final LinkedHashMap<String, Seen> seen = new LinkedHashMap<>();

    SequenceFilter(int maxKeys, long ttlNanos, LongSupplier clock) {
        this.maxKeys = maxKeys;
        this.ttlNanos = ttlNanos;
        this.clock = clock;
    }

    /** Whether an event with this key and sequence is current; a null key or sequence means unordered. */
    synchronized boolean accept(String key, Long sequence) {
        if (key == null || sequence == null) {
            return true;
        }
        long now = clock.getAsLong();
        expire(now);
        Seen last = seen.remove(key);
        if (last != null && sequence < last.sequence()) {
            seen.put(key, last);
            return false;
        }
        seen.put(key, new Seen(sequence, now));
        if (seen.size() > maxKeys) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** Whether an event with this sequence is not older than the newest one accepted for its key; records nothing. */
    synchronized boolean current(String key, Long sequence) {
        if (key == null || sequence == null) {
            return true;
        }
        Seen last = seen.get(key);
        return last == null || sequence >= last.sequence();
    }

    synchronized int size() {
        return seen.size();
    }

    private void expire(long now) {
        Iterator<Map.Entry<String, Seen>> it = seen.entrySet().iterator();
        while (it.hasNext()) {
            if (now - it.next().getValue().at() > ttlNanos) {
                it.remove();
            } else {
                break;
            }
        }
    }
}
