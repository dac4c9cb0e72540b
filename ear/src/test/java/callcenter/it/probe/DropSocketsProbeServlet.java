package callcenter.it.probe;

import java.io.IOException;
import java.util.UUID;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Test-only: added to the WAR by {@code DashboardIT}. Drops every WebSocket of one user from the server side, the way
 * the server does it when it revokes a user's sockets, so the test can watch a dashboard lose its connection and
 * recover. The push delivery lives in the WAR, whose classes the tests do not compile against: it is looked up
 * by name.
 */
@WebServlet("/it-probe/drop-sockets")
public class DropSocketsProbeServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            UUID user = UUID.fromString(request.getParameter("userId"));
            Class<?> registry = Class.forName("callcenter.web.push.PushDelivery", true,
                    Thread.currentThread().getContextClassLoader());
            Object delivery = CDI.current().select(registry).get();
            registry.getMethod("closeUser", UUID.class).invoke(delivery, user);
            response.setStatus(204);
        } catch (Exception e) {
            response.sendError(500, e.toString());
        }
    }
}
