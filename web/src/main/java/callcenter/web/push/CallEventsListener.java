package callcenter.web.push;

import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import callcenter.events.FanOutProbe;
import callcenter.events.LocalPushes;
import callcenter.events.Push;

/**
 * Receives every call event published on any node and hands it to this node's sockets, except those this node's own
 * transactions already pushed when they committed ({@link LocalPushes}). One consumer session keeps the topic's
 * commit order (cheap: pushing only queues frames, the sends are asynchronous); the per-call sequence in
 * {@link PushDelivery} keeps the order between it and the commits' deliveries. The resource adapter is the
 * ejb3 subsystem's default, so no vendor annotation is needed.
 * <p>
 * The subscription is durable, one per node id (client id and name from CALLCENTER_NODE_ID, resolved by WildFly's
 * annotation property replacement, server.cli). A non-durable one lives only on the broker the listener is
 * connected to: when a broker pair fails over (docs/clustering.md), events still queued for this node on the old
 * broker, and events published on the new live broker before this listener has subscribed there again, would be
 * lost for this node. A durable subscription is in the replicated journal: the backup holds this node's undelivered
 * events and keeps new ones until the listener is back. Its backlog is bounded: events live
 * {@link callcenter.events.PushPublisher#TIME_TO_LIVE}, and what it kept while this node was down is skipped.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "callcenter.call-events"),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        // CALLCENTER_NODE_ID, or callcenter-1 as for the transaction manager's node identifier (server.cli sets the
        // system property): a single server needs none.
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "${callcenter.events.subscriber}"),
        // The node id in the name too: Artemis names an OpenWire durable subscription's queue by the subscription
        // name alone (the adapter's consumer does not pass the client id), so one name would be one queue shared
        // by every node, each event reaching one node only (measured: the second node never got its probe).
        @ActivationConfigProperty(propertyName = "subscriptionName",
                propertyValue = "callcenter-call-events.${callcenter.events.subscriber}")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CallEventsListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(CallEventsListener.class.getName());

    /**
     * When this JVM started. An event published before that is what the durable subscription kept while this node was
     * down: no socket of this boot can have been meant by it (sockets come after the start, and resynchronise on
     * register, api.md 5), so it is skipped rather than pushed as news.
     */
    private static final long STARTED = ManagementFactory.getRuntimeMXBean().getStartTime();

    @Inject
    PushDelivery delivery;

    @Inject
    PushMetrics metrics;

    @Inject
    FanOutProbe probe;

    @Inject
    LocalPushes local;

    @Override
    public void onMessage(Message message) {
        try {
            String prober = message.getStringProperty(FanOutProbe.PROPERTY);
            if (prober != null) {
                probe.received(prober);
            } else if (message.getJMSTimestamp() != 0 && message.getJMSTimestamp() < STARTED) {
                LOG.fine("Skipping a call event published before this boot");
            } else if (local.pushedAtCommit(message)) {
                LOG.finest("Already pushed here when its transaction committed");
            } else if (message instanceof TextMessage text) {
                delivery.deliver(Push.fromJson(text.getText()));
                metrics.pushed(message.getJMSTimestamp());
            } else {
                LOG.warning("Ignoring a non-text message on the call-events topic");
            }
        } catch (Exception e) {
            // Redelivery would not help: the message itself is unusable, or a socket failed (already handled there).
            LOG.log(Level.WARNING, "Could not push a call event", e);
        }
    }
}
