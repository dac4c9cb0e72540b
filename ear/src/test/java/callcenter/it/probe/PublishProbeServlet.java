package callcenter.it.probe;

import java.io.IOException;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;

import callcenter.events.Audience;
import callcenter.events.Push;
import callcenter.events.PushPublisher;

/**
 * Test-only: added to the WAR by {@code EventRollbackIT}. Publishes a marked event in a transaction that it then
 * commits or rolls back, so the test can check from outside which markers reach a socket. With {@code plainSend=true}
 * it then sends a message outside any transaction, as the fan-out probe does, and answers 500 if that fails.
 */
@WebServlet("/it-probe/publish")
public class PublishProbeServlet extends HttpServlet {

    @Inject
    PushPublisher publisher;

    @Resource
    UserTransaction transaction;

    @Resource(lookup = "java:/jms/CallCenterCF")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/topic/CallEvents")
    Topic topic;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String marker = request.getParameter("marker").replaceAll("[^A-Za-z0-9-]", "");
        boolean commit = "commit".equals(request.getParameter("outcome"));
        try {
            transaction.begin();
            publisher.publish(Push.of("probe:event", "{\"marker\":\"" + marker + "\"}", Audience.agents()));
            if (commit) {
                transaction.commit();
            } else {
                transaction.rollback();
            }
            if ("true".equals(request.getParameter("plainSend"))) {
                sendWithoutTransaction();
            }
            response.setStatus(204);
        } catch (Exception e) {
            // The reason in the body (sendError would answer the product's generic problem instead).
            response.setStatus(500);
            response.setContentType("text/plain");
            response.getWriter().print(e);
        }
    }

    private void sendWithoutTransaction() throws JMSException {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(topic);
            producer.setTimeToLive(1_000);
            producer.send(session.createMessage());
        }
    }
}
