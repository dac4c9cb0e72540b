package callcenter.web;

import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;

import callcenter.common.CallCenterException;
import callcenter.common.Text;

/**
 * A path segment or query parameter that decodes to text no column can hold ({@code %00}, an unpaired surrogate) is
 * the sender's 400 before any resource sees it. Path parameters that are not UUIDs (a Telnyx call control id, say)
 * reach a query as they are, and PostgreSQL answers a NUL with an error that would otherwise be our 500. Every query
 * parameter of the API takes one value: a repeated one ({@code ?limit=5&limit=6}) is a 400 naming it, where JAX-RS
 * would silently take the first and the client would not learn which its list was filtered by.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 80)
public class UriTextFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        for (PathSegment segment : uri.getPathSegments(true)) {
            if (!Text.storable(segment.getPath())) {
                throw CallCenterException.badRequest("The path " + Text.UNSTORABLE);
            }
        }
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters(true).entrySet()) {
            if (!Text.storable(parameter.getKey()) || !parameter.getValue().stream().allMatch(Text::storable)) {
                throw CallCenterException.badRequest("The query " + Text.UNSTORABLE);
            }
            if (parameter.getValue().size() > 1) {
                throw CallCenterException.invalid(parameter.getKey(), "is given " + parameter.getValue().size()
                        + " times; give it once");
            }
        }
    }
}
