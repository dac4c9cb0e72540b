package callcenter.idempotency.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class RequestHashTest {

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    @Test
    void whitespaceAndMemberOrderDoNotMatter() {
        String a = RequestHash.of("op", json("{\"callerName\":\"Ann\",\"phoneNumber\":\"0711000111\",\"x\":{\"b\":1,\"a\":[1,2]}}"));
        String b = RequestHash.of("op", json("{ \"x\" : { \"a\" : [ 1 , 2 ] , \"b\" : 1.0 } ,\n \"phoneNumber\": \"0711000111\",\t\"callerName\" : \"Ann\" }"));
        assertEquals(a, b);
        assertEquals(64, a.length());
    }

    @Test
    void anyChangedValueChangesTheHash() {
        String base = RequestHash.of("op", json("{\"callerName\":\"Ann\",\"phoneNumber\":\"0711000111\"}"));
        assertNotEquals(base, RequestHash.of("op", json("{\"callerName\":\"Anne\",\"phoneNumber\":\"0711000111\"}")));
        assertNotEquals(base, RequestHash.of("op", json("{\"callerName\":\"Ann\",\"phoneNumber\":\"0711000112\"}")));
        assertNotEquals(base, RequestHash.of("op", json("{\"callerName\":\"Ann\",\"phoneNumber\":\"0711000111\",\"queueName\":null}")));
        assertNotEquals(base, RequestHash.of("other", json("{\"callerName\":\"Ann\",\"phoneNumber\":\"0711000111\"}")));
        // Array order is meaningful.
        assertNotEquals(RequestHash.of("op", json("[1,2]")), RequestHash.of("op", json("[2,1]")));
    }

    @Test
    void canonicalFormSortsMembersAndEscapesStrings() {
        assertEquals("{\"a\":\"x\\\"y\",\"b\":[true,null,1e1]}",
                RequestHash.canonical(json("{\"b\":[true,null,10.0],\"a\":\"x\\\"y\"}")));
        // A member name that would break naive concatenation is escaped, not confused with a value.
        assertNotEquals(RequestHash.canonical(json("{\"a\":\"b\",\"c\":\"d\"}")),
                RequestHash.canonical(json("{\"a\":\"b\\\",\\\"c\\\":\\\"d\"}")));
    }

    public record Request(String callerName, String phoneNumber, String queueName) {
    }

    @Test
    void aBoundRequestIsFingerprintedAsItsJson() {
        String bound = RequestHash.of("op", new Request("Ann", "0711000111", null));
        assertEquals(RequestHash.of("op", json("{\"phoneNumber\":\"0711000111\",\"callerName\":\"Ann\"}")), bound,
                "an absent member and a null one are the same request once bound");
        assertNotEquals(bound, RequestHash.of("op", new Request("Ann", "0711000111", "sales")));
        assertNotEquals(bound, RequestHash.of("op", new Request("Ann", "0711000112", null)));
    }
}
