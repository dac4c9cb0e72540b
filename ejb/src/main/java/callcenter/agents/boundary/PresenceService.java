package callcenter.agents.boundary;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import callcenter.agents.control.Presences;
import callcenter.agents.control.Sockets;
import callcenter.agents.entity.AgentPresence;
import callcenter.agents.entity.AgentStatus;
import callcenter.agents.entity.AwayReason;
import callcenter.calls.boundary.AgentCallChanged;
import callcenter.calls.boundary.CallService;
import callcenter.calls.boundary.CallerCatchUp;
import callcenter.common.CallCenterException;
import callcenter.common.Times;
import callcenter.events.Push;
import callcenter.platform.Settings;
import callcenter.users.boundary.StaffDirectory;
import callcenter.users.entity.User;

/**
 * Agent presence as shared state in the database, so every node sees the same list and an agent's tabs on any
 * number of nodes are one agent. Each change is told to every registered agent ({@link AgentUpdates}) in the same
 * transaction. Changes of one agent are serialized by locking its user row, never by a JVM lock.
 */
@Stateless
public class PresenceService {

    @Inject
    CallerCatchUp catchUp;

    @Inject
    StaffDirectory staff;

    @Inject
    Presences presences;

    @Inject
    Sockets sockets;

    @Inject
    AgentUpdates updates;

    @Inject
    Event<AgentAvailable> available;

    @Inject
    CallService calls;

    @Inject
    Settings settings;

    /** A socket of this user sent {@code agent:register}: available, or busy while it has an active call. */
    public Registration register(UUID userId, String socketId, String nodeId, String extension) {
        User user = lockEnabled(userId);
        if (extension != null && extension.length() > 32) {
            throw CallCenterException.invalid("extension", "must be at most 32 characters");
        }
        Instant now = Times.now();
        sockets.open(socketId, userId, nodeId, now);
        Optional<Push> activeCall = catchUp.ofAgent(userId);
        AgentPresence presence = presences.change(userId, AgentStatus.registered(activeCall.isPresent()), extension, now);
        AgentView self = updates.tell(user, presence);
        // Without the agents list: the socket reads it after this commits, one read for the sockets registering
        // together on its node (AgentsLists in the web module).
        return new Registration(self, presence.version(), activeCall.orElse(null));
    }

    /** {@code agent:status}: available or away; available stays busy while the agent is on a call. */
    public AgentView setStatus(UUID userId, AgentStatus requested) {
        if (!requested.requestable()) {
            throw AgentStatus.notRequestable();
        }
        User user = lockEnabled(userId);
        AgentStatus before = presences.status(userId);
        AgentStatus status = requested.askedFor(onACall(userId));
        AgentPresence changed = presences.change(userId, status, null, Times.now());
        becameAvailable(userId, before, changed);
        return updates.tell(user, changed);
    }

    /**
     * {@code agent:ready}: whether the agent's page can take a call now (api.md section 8). An agent that cannot is
     * away with the reason, and so not offered calls, until a report says it can. Needs a registered agent.
     *
     * @param lacks what the page lacks ({@link AwayReason}); null when it can take a call
     */
    public void ready(UUID userId, String lacks) {
        User user = lockEnabled(userId);
        AgentPresence presence = presences.find(userId);
        if (presence == null) {
            throw CallCenterException.badRequest("send agent:register first");
        }
        AgentStatus before = presence.status();
        if (presence.ready(lacks, Times.now())) {
            becameAvailable(userId, before, presence);
            updates.tell(user, presence);
        }
    }

    /**
     * A one-at-a-time offer to this agent timed out, in the transaction that moves the call on: the second in a row
     * sets it away as {@code unresponsive}, told to every agent (its own sockets too).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void offerMissed(UUID agentId) {
        Optional<User> user = staff.lock(agentId);
        AgentPresence presence = presences.find(agentId);
        if (user.isPresent() && presence != null && presence.offerMissed(Times.now())) {
            updates.tell(user.get(), presence);
        }
    }

    /** The agent declined an offer: it is there, the missed offers count starts again. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void offerAnswered(UUID agentId) {
        AgentPresence presence = presences.find(agentId);
        if (presence != null) {
            presence.offerAnswered();
        }
    }

    /** A call of this agent became active (busy) or final (available again, unless away or offline). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void onCall(@Observes AgentCallChanged change) {
        UUID agentId = change.agentId();
        // Taking a call needs an enabled agent; the end of a call is bookkeeping and must also work for an agent
        // disabled during the call, or the call could not end.
        Optional<User> user = change.onCall() ? Optional.of(lockEnabled(agentId)) : staff.lock(agentId);
        if (user.isEmpty()) {
            return;
        }
        if (change.onCall()) {
            offerAnswered(agentId);
        }
        presences.status(agentId)
                .afterCall(change.onCall(), () -> onACall(agentId), () -> reachable(agentId))
                .ifPresent(next -> {
                    AgentStatus before = presences.status(agentId);
                    AgentPresence changed = presences.change(agentId, next, null, Times.now());
                    becameAvailable(agentId, before, changed);
                    updates.tell(user.get(), changed);
                });
    }

    /** A registered socket closed: when it was the agent's last, the grace period starts. */
    public void socketClosed(UUID userId, String socketId) {
        // Also when the user was just disabled (that is what closed its sockets): the grace period must start.
        staff.lock(userId);
        sockets.close(socketId);
        if (!sockets.connected(userId)) {
            presences.lastSocketClosed(userId, Times.now());
        }
    }

    /**
     * A draining node's registered sockets, closed together: what {@link #socketClosed} does for each, in one
     * transaction for all of them. Done one by one, a node with 10,000 sockets ran 10,000 transactions on its way
     * down and stopped with 2,044 of them still to do. The users' rows are locked first, in one statement, so an
     * agent registering meanwhile on another node waits for this (or this for it) as with one socket.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void socketsClosed(Collection<UUID> userIds, Collection<String> socketIds) {
        Set<UUID> users = Set.copyOf(userIds);
        staff.lockAll(users);
        sockets.closeAll(socketIds);
        Set<UUID> stillConnected = sockets.connectedAmong(users);
        presences.lastSocketsClosed(users.stream().filter(user -> !stillConnected.contains(user)).toList(), Times.now());
    }

    /** Every enabled agent, supervisor and admin with its status ({@code offline} when never registered). */
    public List<AgentView> agents() {
        return presences.listed().stream().map(AgentView::of).toList();
    }

    /** The agents available now with at least one socket open, in no particular order. */
    public List<UUID> availableAgentIds() {
        return presences.availableIds();
    }

    /**
     * A socket open on some node, or none but the grace period not over: a dashboard reconnecting (its node stopped
     * in a rolling restart) is not offline. Without the grace here, a call ended in those seconds took the agent
     * offline at once, and every dashboard showed it so although it was back moments later.
     */
    private boolean reachable(UUID userId) {
        return sockets.connected(userId)
                || presences.inGrace(userId, Times.now().minusSeconds(settings.presenceGraceSeconds()));
    }

    private boolean onACall(UUID userId) {
        return calls.activeCallOf(userId).isPresent();
    }

    private User lockEnabled(UUID userId) {
        return staff.lock(userId).filter(User::enabled)
                .orElseThrow(() -> CallCenterException.forbidden("This user is unknown or disabled"));
    }

    /** Registering is not here: it sends its own snapshot of the waiting calls. */
    private void becameAvailable(UUID agentId, AgentStatus before, AgentPresence after) {
        if (before != AgentStatus.AVAILABLE && after.status() == AgentStatus.AVAILABLE) {
            available.fire(new AgentAvailable(agentId));
        }
    }
}
