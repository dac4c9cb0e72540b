package callcenter.web.push;

/**
 * The parts of one client text message, joined until the last one, never more than {@code maxBytes} of UTF-8:
 * past that the message is dropped at once (the socket closes with 1009) instead of being buffered whole.
 * One socket's messages arrive one at a time (Jakarta WebSocket), so this needs no lock.
 */
final class Inbound {

    private final int maxBytes;
    private final StringBuilder parts = new StringBuilder();
    private long bytes;
    private boolean tooBig;

    Inbound(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Adds a part; answers the whole message after its last part, else null (also once it is too big). */
    String add(String part, boolean last) {
        if (tooBig) {
            return null;
        }
        bytes += utf8Length(part);
        if (bytes > maxBytes) {
            tooBig = true;
            parts.setLength(0);
            parts.trimToSize();
            return null;
        }
        if (!last) {
            parts.append(part);
            return null;
        }
        String message = parts.isEmpty() ? part : parts.append(part).toString();
        parts.setLength(0);
        bytes = 0;
        return message;
    }

    /**
     * Counts a part of a binary message, which is never kept (the contract's frames are JSON text): answers true
     * after the last part of one within the limit, to be answered as a malformed frame; past the limit, as text.
     * A binary and a text message never interleave (RFC 6455 section 5.4), so they share the count.
     */
    boolean binary(int size, boolean last) {
        if (tooBig) {
            return false;
        }
        bytes += size;
        if (bytes > maxBytes) {
            tooBig = true;
            return false;
        }
        if (last) {
            bytes = 0;
        }
        return last;
    }

    /** Whether a message passed the limit: the socket is to be closed. */
    boolean tooBig() {
        return tooBig;
    }

    /** The UTF-8 size of text (a surrogate pair counts 4, as its code point's encoding does). */
    static long utf8Length(CharSequence text) {
        long length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            length += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return length;
    }
}
