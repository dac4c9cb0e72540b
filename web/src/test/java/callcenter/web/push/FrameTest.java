package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FrameTest {

    private static String read(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        return new String(copy, StandardCharsets.UTF_8);
    }

    @Test
    void everySocketReadsTheWholeFrameWhateverAnotherSocketHasWrittenOfIt() {
        Frame frame = Frame.of("{\"event\":\"call:incoming\",\"data\":{\"callerName\":\"Zoë Ñandú 📞\"}}");
        ByteBuffer first = frame.bytes();
        ByteBuffer second = frame.bytes();
        first.get(new byte[10]); // one connection wrote part of it
        assertEquals(frame.text, read(second));
        assertEquals(frame.text, read(frame.bytes()));
        assertEquals(frame.text.getBytes(StandardCharsets.UTF_8).length, frame.bytes().remaining());
    }

    @Test
    void aLargeFrameIsTheSameOutsideTheHeap() {
        String list = "{\"event\":\"agents:list\",\"data\":[" + "{\"agentName\":\"Zoë\"},".repeat(5_000) + "{}]}";
        Frame frame = Frame.of(list);
        assertTrue(frame.bytes().isDirect());
        ByteBuffer first = frame.bytes();
        first.get(new byte[Frame.DIRECT_FROM_BYTES]);
        assertEquals(list, read(frame.bytes()));
        assertFalse(Frame.of("{}").bytes().isDirect());
    }

    @Test
    void noSocketCanChangeWhatTheOthersAreSent() {
        for (String text : new String[] {"{}", "x".repeat(Frame.DIRECT_FROM_BYTES)}) {
            ByteBuffer bytes = Frame.of(text).bytes();
            assertTrue(bytes.isReadOnly());
            assertThrows(ReadOnlyBufferException.class, () -> bytes.put(0, (byte) 'x'));
        }
    }
}
