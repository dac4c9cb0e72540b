package callcenter.it.probe;

import java.io.IOException;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
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
 * commits or rolls back, so the test can check from outside which markers reach a socket.
 */
@WebServlet("/it-probe/publish")
public class PublishProbeServlet extends HttpServlet {

    @Inject
    PushPublisher publisher;

    @Resource
    UserTransaction transaction;

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
            response.setStatus(204);
        } catch (Exception e) {
            response.sendError(500, e.toString());
        }
    }
}
