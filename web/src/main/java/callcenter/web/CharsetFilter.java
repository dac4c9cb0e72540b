package callcenter.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import callcenter.common.CallCenterException;

/**
 * A body in a charset we cannot read is a 415 before anything reads it: JSON is UTF-8 (RFC 8259), so a JSON body
 * may name no other charset; a form may name any charset the JVM knows. A Content-Type that does not parse is a
 * 415 too (the resource could not know what it got), and so is one with a wildcard ({@code *}{@code /*},
 * {@code application/*}): a wildcard belongs in {@code Accept}; as a body's type it names none, and would match
 * whichever reader the framework tried first.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 90)
public class CharsetFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (header == null || header.isBlank()) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(header);
        } catch (RuntimeException e) {
            throw unsupported("The Content-Type header cannot be parsed");
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            throw unsupported("The Content-Type header names no type (a wildcard)");
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset == null) {
            return;
        }
        if (!known(charset)) {
            throw unsupported("Unknown charset " + charset.replaceAll("[^A-Za-z0-9_.:-]", "?"));
        }
        boolean json = type.getSubtype().toLowerCase(Locale.ROOT).endsWith("json");
        if (json && !Charset.forName(charset).equals(StandardCharsets.UTF_8)) {
            throw unsupported("JSON bodies are UTF-8");
        }
    }

    private static boolean known(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            return false; // an illegal name ("", "a b")
        }
    }

    private static CallCenterException unsupported(String detail) {
        return new CallCenterException(415, "unsupported-media-type", "Unsupported media type", detail);
    }
}
