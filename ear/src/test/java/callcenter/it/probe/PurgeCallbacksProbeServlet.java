package callcenter.it.probe;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import callcenter.providers.africastalking.control.CallbackRetention;

/**
 * Test-only: added to the WAR by {@code AfricasTalkingIT}. Runs the hourly purge of Africa's Talking callbacks and
 * sessions now and answers how many rows it deleted, so the test does not wait for the timer.
 */
@WebServlet("/it-probe/purge-at-callbacks")
public class PurgeCallbacksProbeServlet extends HttpServlet {

    @Inject
    CallbackRetention retention;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().print(retention.purgeExpired());
    }
}
