package callcenter.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Security headers on every answer of the WAR (pages, scripts, API, errors), set before the chain runs so that an
 * error page has them too. The pages load only their own modules and stylesheet, with no inline script or style,
 * so the policy allows nothing but this origin: an injected script or a foreign frame cannot run. {@code 'self'}
 * covers the page's own WebSocket ({@code /ws}) in current browsers; WebRTC media and ICE are not fetches and need
 * nothing; the pages' icon is {@code data:,}.
 */
@WebFilter(filterName = "securityHeaders", urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; media-src 'self' blob:; font-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        // For browsers without frame-ancestors.
        response.setHeader("X-Frame-Options", "DENY");
        chain.doFilter(request, response);
    }
}
