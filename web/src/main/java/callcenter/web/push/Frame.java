package callcenter.web.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A text frame's JSON and its UTF-8 bytes, encoded once however many sockets it goes to. The container's
 * {@code sendText(String)} encodes the text again for every socket and keeps that copy until the socket has written
 * it: for one {@code agents:list} of 10,000 agents (1.2 MB) sent to a few hundred sockets registering together, a
 * copy each, held while slow clients read. Every socket is handed a view of the same read-only bytes instead.
 * <p>
 * A large frame's bytes are kept outside the heap: the JDK writes a heap buffer to a socket through a temporary
 * direct copy of all that remains of it, at every write, and a frame of a megabyte leaves a client's socket buffer in
 * several writes, so it was copied several times over for each socket. Small frames stay on the heap, where they
 * cost less to make than a direct buffer; they leave in one write.
 */
final class Frame {

    /** From this size on, a frame's bytes are direct (about what a loopback socket takes in one write). */
    static final int DIRECT_FROM_BYTES = 32 * 1024;

    final String text;
    private final ByteBuffer utf8;

    private Frame(String text) {
        this.text = text;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = bytes.length < DIRECT_FROM_BYTES ? ByteBuffer.wrap(bytes)
                : ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        this.utf8 = buffer.asReadOnlyBuffer();
    }

    static Frame of(String text) {
        return new Frame(text);
    }

    /** The bytes, with a position of their own: the writer of one socket consumes its view, not another's. */
    ByteBuffer bytes() {
        return utf8.duplicate();
    }

    @Override
    public String toString() {
        return text;
    }
}
