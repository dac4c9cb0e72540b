package callcenter.web.push;

import java.time.Instant;
import java.util.UUID;

import callcenter.common.Actor;
import callcenter.common.Roles;

/** Peers without a session, for tests of everything but the writing itself. */
final class Peers {

    private Peers() {
    }

    static Peer agent(UUID userId, boolean registered) {
        return user(userId, Roles.AGENT, registered);
    }

    static Peer user(UUID userId, String role, boolean registered) {
        Peer peer = new Peer(null, new Actor(userId, "user-" + userId, role, null), Instant.MAX, 4);
        peer.registered = registered;
        return peer;
    }

    static Peer caller(UUID callId) {
        return new Peer(null, new Actor(callId, "caller", Roles.CALLER, callId), Instant.MAX, 4);
    }
}
