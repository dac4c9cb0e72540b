package callcenter.web.push;

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
import callcenter.events.Push;

/**
 * Receives every call event published on any node and hands it to this node's sockets. One consumer session keeps
 * the topic's commit order (cheap: pushing only queues frames, the sends are asynchronous); the per-call sequence
 * in {@link PushDelivery} keeps the order even if deliveries ever run concurrently. The resource adapter is the
 * ejb3 subsystem's default, so no vendor annotation is needed.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "callcenter.call-events"),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "1")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CallEventsListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(CallEventsListener.class.getName());

    @Inject
    PushDelivery delivery;

    @Inject
    PushMetrics metrics;

    @Inject
    FanOutProbe probe;

    @Override
    public void onMessage(Message message) {
        try {
            String prober = message.getStringProperty(FanOutProbe.PROPERTY);
            if (prober != null) {
                probe.received(prober);
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
