package callcenter.web.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import callcenter.common.CallCenterException;

class AuthResourceTest {

    private static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsFormEncodedBasicCredentials() {
        assertArrayEquals(new String[]{"client_1", "s3cret:with colon"},
                AuthResource.basic(basic("client_1:s3cret%3Awith+colon")));
        assertArrayEquals(new String[]{"id", ""}, AuthResource.basic(basic("id:")));
    }

    @Test
    void otherSchemesAreNotBasic() {
        assertNull(AuthResource.basic(null));
        assertNull(AuthResource.basic("Bearer abc"));
    }

    @Test
    void brokenBasicIs401() {
        assertEquals(401, assertThrows(CallCenterException.class, () -> AuthResource.basic("Basic !!!")).status());
        assertEquals(401, assertThrows(CallCenterException.class, () -> AuthResource.basic(basic("no-colon"))).status());
    }
}
