package callcenter.web.push;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.websocket.CloseReason;

/** A writer without sockets: remembers what each peer was sent and which peers were closed. */
class RecordingWriter extends SocketWriter {

    final Map<Peer, List<String>> sent = new ConcurrentHashMap<>();
    final Map<Peer, CloseReason.CloseCode> closed = new ConcurrentHashMap<>();

    @Override
    void send(Peer peer, Frame frame) {
        sent.computeIfAbsent(peer, p -> new ArrayList<>()).add(frame.text);
    }

    @Override
    void close(Peer peer, CloseReason.CloseCode code, String reason) {
        closed.put(peer, code);
    }

    List<String> to(Peer peer) {
        return sent.getOrDefault(peer, List.of());
    }
}
