package callcenter.bench;

import java.net.URI;

/**
 * How a benchmark agent speaks to one target: the product's frames {@code {"event","data"}}, or Engine.IO 4 /
 * socket.io packets for the seed's stack ({@code 42["event",data]}, after the {@code 0}/{@code 40} handshake, with
 * the server's ping {@code 2} answered by {@code 3}).
 */
enum Wire {

    PRODUCT {
        @Override
        URI uri(int port, String token) {
            return URI.create("ws://127.0.0.1:" + port + "/ws?access_token=" + token);
        }

        @Override
        String encode(String event, String data) {
            return "{\"event\":\"" + event + "\",\"data\":" + data + "}";
        }

        @Override
        String event(String frame) {
            return FanOutBenchmark.member(frame, "event");
        }

        @Override
        String data(String frame) {
            int at = frame.indexOf("\"data\":");
            return at < 0 ? "null" : frame.substring(at + 7, frame.lastIndexOf('}'));
        }
    },

    SOCKET_IO {
        @Override
        URI uri(int port, String token) {
            return URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket&access_token=" + token);
        }

        @Override
        String encode(String event, String data) {
            return "42[\"" + event + "\"," + data + "]";
        }

        @Override
        String event(String frame) {
            if (!frame.startsWith("42[\"")) {
                return "";
            }
            return frame.substring(4, frame.indexOf('"', 4));
        }

        @Override
        String data(String frame) {
            int comma = frame.indexOf("\",", 4);
            return comma < 0 ? "null" : frame.substring(comma + 2, frame.length() - 1);
        }

        @Override
        String control(String frame) {
            if (frame.startsWith("0")) {
                return "40"; // Engine.IO open: connect to the default namespace
            }
            if (frame.equals("2")) {
                return "3"; // ping, pong
            }
            return null;
        }

        @Override
        boolean opened(String frame) {
            return frame.startsWith("40");
        }
    };

    abstract URI uri(int port, String token);

    abstract String encode(String event, String data);

    /** The event's name, without parsing the frame; "" for a control packet. */
    abstract String event(String frame);

    /** The event's data as JSON text. */
    abstract String data(String frame);

    /** The packet to answer a control packet with, or null. */
    String control(String frame) {
        return null;
    }

    /** Whether this frame completes the protocol's own handshake (none beyond the WebSocket one for the product). */
    boolean opened(String frame) {
        return true;
    }

    boolean needsOpenFrame() {
        return this == SOCKET_IO;
    }
}
