package callcenter.web.push;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;

import callcenter.agents.boundary.PresenceService;
import callcenter.agents.boundary.Registration;
import callcenter.agents.entity.AgentStatus;
import callcenter.agents.entity.AwayReason;
import callcenter.platform.Settings;
import callcenter.routing.boundary.WaitingSnapshot;

/**
 * The presence events of a socket: {@code agent:register}, {@code agent:status}, {@code agent:ready}, and its closing.
 */
@ApplicationScoped
public class PresenceEvents {

    private static final Logger LOG = Logger.getLogger(PresenceEvents.class.getName());

    @Inject
    PresenceService presence;

    @Inject
    WaitingSnapshot snapshot;

    @Inject
    PushDelivery delivery;

    @Inject
    SocketWriter writer;

    @Inject
    Settings settings;

    private static final Set<String> MICROPHONE_STATES = Set.of("granted", "denied", "prompt");
    /** Error codes of failures that are the server's, not the client's: a registration failing so is tried again. */
    private static final Set<String> SERVER_SIDE = Set.of("unavailable", "internal");

    @Resource
    ManagedExecutorService executor;

    /** Sockets per transaction when a draining node records its sockets' closes (10,000 took 20 transactions). */
    static final int CLOSED_BATCH = 500;

    /** How long a registering socket waits for its agents list (a read normally takes milliseconds). */
    private static final long LIST_WAIT_SECONDS = 30;

    private volatile String nodeId;
    private AgentsLists<Frame> lists;

    @PostConstruct
    void createLists() {
        lists = new AgentsLists<>(() -> Frame.of(Frames.of("agents:list", presence.agents())), executor);
    }

    /**
     * The agent is available (or busy), and catches up: the agents list, the waiting calls and its own active call
     * again, so a reconnecting dashboard loses nothing.
     */
    void register(Peer peer, Envelope envelope, UUID callId) {
        String extension = envelope.optionalString("extension");
        // Registered before the snapshot is read: an event committed meanwhile is pushed rather than lost (a
        // dashboard ignores a call it already shows).
        peer.registered = true;
        // Presence changes pushed from now on may be newer than the list read below: they follow it, not precede it.
        peer.presenceListReading();
        Registration registration;
        try {
            registration = presence.register(peer.userId, peer.socketId, nodeId(), extension);
        } catch (RuntimeException e) {
            peer.registered = false;
            peer.presenceListRead(null, frame -> writer.send(peer, frame));
            if (ErrorFrame.of(e, null).filter(error -> !SERVER_SIDE.contains(error.code())).isPresent()) {
                throw e; // the agent's own (a disabled user, a bad extension): an error, and the socket stays open
            }
            // The server's (the database refused a connection, the broker is away): told as an error only, a
            // dashboard waited for its list on an open socket and never registered (a 15 s stall in the rolling
            // restart); closed with 1013, it reconnects with its back-off and registers again.
            LOG.log(Level.WARNING, "Could not register a socket of " + peer.name + "; it is told to reconnect: " + e);
            writer.close(peer, CloseReason.CloseCodes.TRY_AGAIN_LATER, "registration failed; reconnect");
            return;
        }
        AgentStatus status = AgentStatus.fromWire(registration.self().status()).orElseThrow();
        delivery.statusChanged(peer.userId, status, registration.version());
        Frame list = agentsList(peer);
        peer.presenceListRead(list, frame -> writer.send(peer, frame));
        if (list == null) {
            // Registered without a list: the dashboard would show a wrong team. Reconnecting registers it again.
            writer.close(peer, CloseReason.CloseCodes.TRY_AGAIN_LATER, "the agents list could not be read; reconnect");
            return;
        }
        writer.send(peer, Frames.of("calls:waiting", snapshot.of(peer.userId)));
        if (registration.activeCall() != null) {
            delivery.catchUp(peer, registration.activeCall());
        }
    }

    void status(Peer peer, Envelope envelope, UUID callId) {
        if (!peer.registered) {
            throw new Envelope.BadFrame("send agent:register first");
        }
        presence.setStatus(peer.userId, AgentStatus.requested(envelope.string("status")));
    }

    /**
     * {@code agent:ready} {@code {"microphone": "granted"|"denied"|"prompt", "audio": true|false}}: whether the page
     * can take a call now (api.md section 8).
     */
    void ready(Peer peer, Envelope envelope, UUID callId) {
        if (!peer.registered) {
            throw new Envelope.BadFrame("send agent:register first");
        }
        String microphone = envelope.string("microphone");
        if (!MICROPHONE_STATES.contains(microphone)) {
            throw new Envelope.BadFrame("\"microphone\" must be granted, denied or prompt");
        }
        presence.ready(peer.userId, AwayReason.lacking(microphone, envelope.bool("audio")));
    }

    /** A registered socket closed: presence starts the agent's grace period when it was its last. */
    void closed(Peer peer) {
        if (peer.registered && !peer.closedWithNode) {
            try {
                presence.socketClosed(peer.userId, peer.socketId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not record a closed socket of " + peer.name + ": " + e);
            }
        }
    }

    /**
     * A draining node's registered sockets ({@link Drain}), recorded as closed {@value #CLOSED_BATCH} to a
     * transaction rather than each in its own (their close handlers leave it to this). A batch is tried twice (two
     * nodes draining at once may make the database abort one); what is still not recorded then is left to the sweep
     * of this node's sockets at its next start, or to the other nodes' sweep of a node that is gone. Answers how
     * many sockets were recorded.
     */
    int closedWithNode(List<Peer> peers) {
        for (int from = 0; from < peers.size(); from += CLOSED_BATCH) {
            List<Peer> batch = peers.subList(from, Math.min(peers.size(), from + CLOSED_BATCH));
            if (!recordClosed(batch) && !recordClosed(batch)) {
                LOG.warning("Could not record " + (peers.size() - from) + " closed sockets of this draining node;"
                        + " their agents' grace periods start when the sockets are swept");
                return from;
            }
        }
        return peers.size();
    }

    private boolean recordClosed(List<Peer> batch) {
        try {
            presence.socketsClosed(batch.stream().map(peer -> peer.userId).toList(),
                    batch.stream().map(peer -> peer.socketId).toList());
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record " + batch.size() + " closed sockets together: " + e);
            return false;
        }
    }

    /** The agents list read after this socket's registration committed, or null when it could not be read. */
    private Frame agentsList(Peer peer) {
        try {
            return lists.next().get(LIST_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "Could not read the agents list for " + peer.name + ": " + e);
        }
        return null;
    }

    private String nodeId() {
        String id = nodeId;
        if (id == null) {
            id = settings.nodeId();
            nodeId = id;
        }
        return id;
    }
}
