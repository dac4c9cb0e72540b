package callcenter.it.probe;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import callcenter.providers.telnyx.control.WebhookRetention;

/**
 * Test-only: added to the WAR by {@code TelnyxIT}. Runs the hourly purge of Telnyx webhook records now and answers
 * how many rows it deleted, so the test does not wait for the timer.
 */
@WebServlet("/it-probe/purge-webhooks")
public class PurgeWebhooksProbeServlet extends HttpServlet {

    @Inject
    WebhookRetention retention;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().print(retention.purgeExpired());
    }
}
