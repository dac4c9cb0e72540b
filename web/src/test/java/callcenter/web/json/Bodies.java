package callcenter.web.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import callcenter.common.CallCenterException;
import callcenter.common.FieldError;

/** Request bodies read as the API reads them, for the tests of each feature's request records. */
public final class Bodies {

    private static final RequestRecordReader READER = new RequestRecordReader();

    private Bodies() {
    }

    public static <T extends Record> T read(String json, Class<T> type) {
        return READER.read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    /** The fields a 400 names for {@code json}; fails when the body is taken. */
    public static List<FieldError> errors(String json, Class<? extends Record> type) {
        CallCenterException e = assertThrows(CallCenterException.class, () -> read(json, type), json);
        assertEquals(400, e.status(), json);
        return e.errors();
    }
}
