package callcenter.web.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.Test;

import callcenter.common.Page;
import callcenter.sms.boundary.SmsView;

/** {@code GET /api/sms} as JSON-B writes it: absent numbers and the last page's cursor are written as null. */
class SmsPageTest {

    @Test
    void theLastPageHasANullCursorAndUnknownNumbersAreNull() throws Exception {
        UUID id = UUID.fromString("5b1f0c1e-0f7e-4b8c-9a51-0d8f1c1a2b3c");
        Page<SmsView> page = new Page<>(List.of(new SmsView(id, null, "+18445550001", "Hello",
                "2026-11-23T17:02:11.120Z")), null);
        try (var jsonb = JsonbBuilder.create()) {
            assertEquals("{\"items\":[{\"from\":null,\"id\":\"" + id + "\",\"receivedAt\":\"2026-11-23T17:02:11.120Z\","
                    + "\"text\":\"Hello\",\"to\":\"+18445550001\"}],\"nextCursor\":null}", jsonb.toJson(page));
        }
    }
}
