package callcenter.web.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one JSON-B instance of the REST applications, for the answers they write and the request records
 * {@link RequestRecordReader} reads. Without a resolver, RESTEasy (6.2) builds a new JSON-B for every answer it
 * writes: the provider looked up through the ServiceLoader (a scan of the deployment's class loaders) and Yasson's
 * model of the answer's classes made anew, then thrown away. A JSON-B instance is thread-safe and keeps that model.
 * The configuration stays JSON-B's default, so every answer reads as before.
 */
@Provider
public class SharedJsonb implements ContextResolver<Jsonb> {

    /** Created on first use, once per server. */
    private static final class Instance {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    static Jsonb jsonb() {
        return Instance.JSONB;
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return Instance.JSONB;
    }
}
