package callcenter.it.probe;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import callcenter.auth.control.LoginThrottle;

/**
 * Test-only: added to the WAR by {@code SecurityIT}. Runs the hourly purge of login attempt counts now and answers
 * how many rows it deleted, so the test does not wait for the timer.
 */
@WebServlet("/it-probe/purge-login-attempts")
public class PurgeLoginAttemptsProbeServlet extends HttpServlet {

    @Inject
    LoginThrottle throttle;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().print(throttle.purgeExpired());
    }
}
