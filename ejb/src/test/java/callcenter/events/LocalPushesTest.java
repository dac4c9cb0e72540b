package callcenter.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.Message;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalPushesTest {

    private final AtomicLong clock = new AtomicLong();
    private final LocalPushes local = new LocalPushes(clock::get);
    private final List<Push> pushed = new ArrayList<>();
    private Transaction tx;

    @BeforeEach
    void sink() {
        local.deliverTo(events -> events.forEach(e -> pushed.add(e.push())));
        begin();
    }

    @Test
    void anEventCommittedHereIsPushedAtTheCommitAndSkippedWhenTheTopicBringsIt() throws Exception {
        Message first = publish("call:incoming");
        Message second = publish("call:taken");

        tx.complete(Status.STATUS_COMMITTED);

        assertEquals(List.of("call:incoming", "call:taken"), pushed.stream().map(Push::event).toList());
        assertTrue(local.pushedAtCommit(first));
        assertTrue(local.pushedAtCommit(second));
        assertEquals(0, local.pendingClaims());
    }

    @Test
    void whenTheTopicComesFirstItDeliversAndTheCommitPushesNothing() throws Exception {
        Message first = publish("call:incoming");
        Message second = publish("call:taken");

        assertFalse(local.pushedAtCommit(first));
        tx.complete(Status.STATUS_COMMITTED);

        assertEquals(List.of("call:taken"), pushed.stream().map(Push::event).toList());
        assertTrue(local.pushedAtCommit(second));
        assertEquals(0, local.pendingClaims());
    }

    @Test
    void aRolledBackTransactionPushesNothing() throws Exception {
        publish("call:incoming");

        tx.complete(Status.STATUS_ROLLEDBACK);

        assertTrue(pushed.isEmpty());
        assertEquals(0, local.pendingClaims());
    }

    @Test
    void anotherBootsEventIsLeftToTheTopic() throws Exception {
        Message mine = publish("call:incoming");
        Map<String, Object> theirs = new HashMap<>();
        theirs.put(LocalPushes.ORIGIN, "another boot");
        theirs.put(LocalPushes.NUMBER, mine.getLongProperty(LocalPushes.NUMBER));

        assertFalse(local.pushedAtCommit(message(theirs)));
        assertFalse(local.pushedAtCommit(message(new HashMap<>())));
        assertEquals(0, local.pendingClaims());
    }

    @Test
    void withoutASinkNothingIsMarkedAndTheTopicDelivers() throws Exception {
        local.deliverTo(null);
        Message message = publish("call:incoming");

        assertNull(message.getStringProperty(LocalPushes.ORIGIN));
        assertFalse(local.pushedAtCommit(message));
        assertEquals(0, tx.synchronizations.size());
    }

    @Test
    void aClaimWhoseOtherWayNeverComesIsForgotten() throws Exception {
        publish("call:incoming");
        tx.complete(Status.STATUS_COMMITTED);
        assertEquals(1, local.pendingClaims());

        clock.addAndGet(LocalPushes.CLAIM_TTL_NANOS + 1);
        for (long n = 1_000_000; local.pendingClaims() > 0 && n < 1_010_000; n++) {
            local.claim(n);
            local.claim(n);
        }

        assertEquals(0, local.pendingClaims());
    }

    private Message publish(String event) throws Exception {
        Message message = message(new HashMap<>());
        local.publishing(message, new Push(event, "{}", Audience.agents(), null, null));
        return message;
    }

    private void begin() {
        tx = new Transaction();
        local.transaction = tx.registry();
    }

    /** The parts of a JMS message the class uses: string and long properties. */
    private static Message message(Map<String, Object> properties) {
        return (Message) Proxy.newProxyInstance(Message.class.getClassLoader(), new Class<?>[]{Message.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setStringProperty", "setLongProperty" -> properties.put((String) args[0], args[1]);
                    case "getStringProperty" -> properties.get((String) args[0]);
                    case "getLongProperty" -> properties.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** One transaction's resources and synchronizations, completed by the test. */
    private static final class Transaction {
        final Map<Object, Object> resources = new HashMap<>();
        final List<Synchronization> synchronizations = new ArrayList<>();

        TransactionSynchronizationRegistry registry() {
            return (TransactionSynchronizationRegistry) Proxy.newProxyInstance(
                    TransactionSynchronizationRegistry.class.getClassLoader(),
                    new Class<?>[]{TransactionSynchronizationRegistry.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getResource" -> resources.get(args[0]);
                        case "putResource" -> resources.put(args[0], args[1]);
                        case "registerInterposedSynchronization" -> synchronizations.add((Synchronization) args[0]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        void complete(int status) {
            synchronizations.forEach(Synchronization::beforeCompletion);
            synchronizations.forEach(s -> s.afterCompletion(status));
        }
    }
}
