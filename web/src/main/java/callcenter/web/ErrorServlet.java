package callcenter.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The error page for failures the container raises before JAX-RS sees the request (unknown paths outside the
 * REST application, the security layer's 401, oversized bodies): the same problem+json as everywhere else.
 */
@WebServlet(name = "errors", urlPatterns = "/error")
public class ErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        Problem problem = switch (status) {
            case 401 -> Problems.unauthorized();
            case 403 -> Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this");
            case 404 -> Problem.of(404, "not-found", "Not found", "No resource at this path");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed", "This path does not accept this method");
            case 413 -> Problem.of(413, "payload-too-large", "Payload too large", "The request body is too large");
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type", "This endpoint does not accept the request's Content-Type (JSON endpoints take application/json)");
            default -> status >= 500
                    ? Problem.of(status, "internal", "Internal error", "Something went wrong on our side")
                    : Problem.of(status, "http-" + status, "Request failed", "The request failed with status " + status);
        };
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write(problem.toJson());
    }
}
