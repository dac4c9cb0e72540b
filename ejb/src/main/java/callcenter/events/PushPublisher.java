package callcenter.events;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import callcenter.common.CallCenterException;

/**
 * Publishes server events to the call-events topic inside the caller's JTA transaction: the message leaves only if
 * the change that caused it commits, and a committed change always has its message (XA send, last-resource
 * commit of the datasource). The ActiveMQ resource adapter supports only the classic API, hence no JMSContext.
 * This node's own sockets get the events at the commit ({@link LocalPushes}), the other nodes' through the topic.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class PushPublisher {

    private static final Logger LOG = Logger.getLogger(PushPublisher.class.getName());

    /**
     * How long an event waits on the broker for a listener. Each node's subscription is durable (web's
     * CallEventsListener): a node that never comes back would otherwise keep its subscription's events forever.
     * Far longer than any wait of a live node (a broker failover: seconds; an in-doubt transaction's event released
     * by the recovery scan: about two minutes), and a stale event is worthless (dashboards resynchronise on register).
     */
    public static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

    @Resource(lookup = "java:/jms/CallCenterCF")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/topic/CallEvents")
    Topic topic;

    @Inject
    LocalPushes local;

    public void publish(Push event) {
        publish(List.of(event));
    }

    /** Sends the events in this order; a broker that cannot be reached rolls the whole transaction back (503). */
    public void publish(List<Push> events) {
        if (events.isEmpty()) {
            return;
        }
        // Under JTA the arguments are ignored and the session joins the transaction.
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer producer = session.createProducer(topic);
            producer.setTimeToLive(TIME_TO_LIVE.toMillis());
            for (Push event : events) {
                TextMessage message = session.createTextMessage(event.toJson());
                local.publishing(message, event);
                producer.send(message);
            }
        } catch (JMSException | RuntimeException e) {
            throw brokerUnavailable(e);
        }
    }

    /**
     * The one place a broker failure becomes an API answer: 503, and as an application exception it rolls the
     * transaction back, so nothing of the change is stored.
     */
    static CallCenterException brokerUnavailable(Exception cause) {
        LOG.log(Level.WARNING, "Message broker unavailable, the change is rolled back: " + cause);
        return CallCenterException.unavailable("The message broker cannot be reached; nothing was changed, try again");
    }
}
