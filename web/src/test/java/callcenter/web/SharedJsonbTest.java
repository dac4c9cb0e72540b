package callcenter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.core.Application;

import org.junit.jupiter.api.Test;

import callcenter.web.json.SharedJsonb;

/** RESTEasy writes every answer with the one JSON-B: none of the applications builds one per answer. */
class SharedJsonbTest {

    @Test
    void everyApplicationResolvesTheOneInstance() {
        for (Application application : List.of(new RestApplication(), new WebhooksApplication(),
                new HealthApplication())) {
            assertTrue(application.getClasses().contains(SharedJsonb.class), application.getClass().getName());
        }
    }

    @Test
    void theSameInstanceWritesEveryTypeWithTheDefaultConfiguration() {
        SharedJsonb resolver = new SharedJsonb();
        assertSame(resolver.getContext(Map.class), resolver.getContext(String.class));
        assertSame(resolver.getContext(Map.class), new SharedJsonb().getContext(Map.class));
        assertEquals("{\"count\":2,\"name\":\"a\"}",
                resolver.getContext(Map.class).toJson(new TreeMap<>(Map.of("name", "a", "count", 2))));
    }
}
