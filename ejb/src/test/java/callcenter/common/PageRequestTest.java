package callcenter.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    private static final List<Cursor.Position> ROWS = List.of(
            new Cursor.Position(Instant.parse("2026-01-03T00:00:00Z"), UUID.randomUUID()),
            new Cursor.Position(Instant.parse("2026-01-02T00:00:00Z"), UUID.randomUUID()),
            new Cursor.Position(Instant.parse("2026-01-01T00:00:00Z"), UUID.randomUUID()));

    @BeforeAll
    static void key() {
        Cursor.useKey(new byte[32]);
    }

    @Test
    void theRowBeyondTheLimitOnlyTellsThatANextPageContinuesAfterTheLastItem() {
        Page<Cursor.Position> page = PageRequest.first(2).page(ROWS, p -> p);
        assertEquals(ROWS.subList(0, 2), page.items());
        assertEquals(ROWS.get(1), Cursor.decode(page.nextCursor()));
        assertEquals(ROWS.get(1), PageRequest.of("2", page.nextCursor()).after());
    }

    @Test
    void theLastPageHasNoCursor() {
        assertNull(PageRequest.first(3).page(ROWS, p -> p).nextCursor());
        assertEquals(ROWS, PageRequest.first(3).page(ROWS, p -> p).items());
    }
}
