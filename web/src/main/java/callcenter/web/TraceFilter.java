package callcenter.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code TRACE} is refused on every path with a 405 problem (through {@link ErrorServlet}). Undertow's own refusal
 * (its listener's {@code disallowed-methods}) answers before any error page, with no body; the listener lets TRACE
 * through (server.cli) so that this filter answers it, and no servlet ever echoes a request back (cross-site tracing).
 */
@WebFilter(filterName = "trace", urlPatterns = "/*")
public class TraceFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("TRACE".equalsIgnoreCase(request.getMethod())) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        chain.doFilter(request, response);
    }
}
