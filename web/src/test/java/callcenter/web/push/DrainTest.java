package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import org.junit.jupiter.api.Test;

import callcenter.common.Actor;
import callcenter.common.Roles;

/** The unit tests have no MicroProfile Health provider: the check's state is read through {@link Drain#draining}. */
class DrainTest {

    private final List<String> closed = new ArrayList<>();

    @Test
    void drainingTurnsReadinessDownAndClosesEverySocketWith1012Once() {
        Drain drain = new Drain();
        drain.registry = new SocketRegistry();
        drain.registry.add(peer("agent"));
        drain.registry.add(peer("supervisor"));
        assertFalse(drain.draining(), "ready");

        drain.drain();
        drain.drain(); // the shutdown hook and the undeploy both ask: once is enough

        assertTrue(drain.draining(), "the readiness check (drain) is DOWN from now on");
        assertEquals(List.of("1012 " + Drain.RESTART, "1012 " + Drain.RESTART), closed);
    }

    /** A session that records how it was closed. */
    private Peer peer(String name) {
        Session session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> true;
                    case "close" -> {
                        CloseReason reason = (CloseReason) args[0];
                        closed.add(reason.getCloseCode().getCode() + " " + reason.getReasonPhrase());
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
        UUID id = UUID.randomUUID();
        return new Peer(session, new Actor(id, name, Roles.AGENT, null), Instant.MAX, 4);
    }
}
