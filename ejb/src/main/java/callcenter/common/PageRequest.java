package callcenter.common;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A validated {@code ?limit=&cursor=} pair. The cursor names the last item of the previous page by its
 * (createdAt, id) and is signed, so a tampered or foreign cursor is a 400 rather than a silently wrong page.
 */
public record PageRequest(int limit, Cursor.Position after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** Parses the raw query values; null means absent. */
    public static PageRequest of(String limit, String cursor) {
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw CallCenterException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
            if (size < 1 || size > MAX_LIMIT) {
                throw CallCenterException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        Cursor.Position position = null;
        if (cursor != null) {
            position = Cursor.decode(cursor);
        }
        return new PageRequest(size, position);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    /** The cursor that continues after an item, for {@link Page#nextCursor()}. */
    public static String cursorAfter(Instant createdAt, UUID id) {
        return Cursor.encode(new Cursor.Position(createdAt, id));
    }

    /**
     * The page made of {@code rows}, read newest first with one row more than {@link #limit()}: that extra row only
     * tells that a next page exists, which then continues after the page's last item.
     */
    public <T> Page<T> page(List<T> rows, Function<T, Cursor.Position> position) {
        if (rows.size() <= limit) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, limit));
        return new Page<>(items, Cursor.encode(position.apply(items.get(limit - 1))));
    }
}
