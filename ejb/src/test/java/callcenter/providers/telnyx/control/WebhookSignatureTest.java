package callcenter.providers.telnyx.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import callcenter.common.CallCenterException;

/** The verifier against Telnyx's official test key pair (providers.md 2.5) and against tampering. */
class WebhookSignatureTest {

    /** Telnyx's own test key pair (telnyx-java WebhookVerificationTest.kt): the private key is the 32-byte seed. */
    static final String OFFICIAL_PRIVATE = "i1xxSkIuQOY9H8laaRslIoYGTJ1NwBAFdjsQwiwJH04=";
    static final String OFFICIAL_PUBLIC = "jrMBoswHlhhVx2W2Www72WU/xn4UMpjreslD0m2u0qs=";
    static final byte[] BODY = ("{\"data\":{\"record_type\":\"event\",\"event_type\":\"call.initiated\",\"id\":\"0ccc7b54\","
            + "\"payload\":{\"call_control_id\":\"v3:abc\",\"direction\":\"incoming\"}},\"meta\":{\"attempt\":1}}")
            .getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.ofEpochSecond(1_790_000_000L);

    static PrivateKey fromSeed(byte[] seed) throws Exception {
        byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420" + HexFormat.of().formatHex(seed));
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    static String sign(PrivateKey key, String timestamp, byte[] body) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update((timestamp + "|").getBytes(StandardCharsets.UTF_8));
        signer.update(body);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private final byte[] publicKey = Base64.getDecoder().decode(OFFICIAL_PUBLIC);

    @Test
    void officialKeyPairVerifies() throws Exception {
        String ts = Long.toString(NOW.getEpochSecond());
        String signature = sign(fromSeed(Base64.getDecoder().decode(OFFICIAL_PRIVATE)), ts, BODY);
        assertDoesNotThrow(() -> WebhookSignature.verify(publicKey, ts, signature, BODY, NOW));
        // Within the tolerance both ways.
        assertDoesNotThrow(() -> WebhookSignature.verify(publicKey, ts, signature, BODY, NOW.plusSeconds(300)));
        assertDoesNotThrow(() -> WebhookSignature.verify(publicKey, ts, signature, BODY, NOW.minusSeconds(300)));
    }

    @Test
    void bodyAlteredAfterSigningIsRefused() throws Exception {
        String ts = Long.toString(NOW.getEpochSecond());
        String signature = sign(fromSeed(Base64.getDecoder().decode(OFFICIAL_PRIVATE)), ts, BODY);
        byte[] altered = Arrays.copyOf(BODY, BODY.length);
        altered[altered.length - 3] = '2';
        assertForbidden(() -> WebhookSignature.verify(publicKey, ts, signature, altered, NOW));
        // Re-serialising (here: adding a space) also breaks it: only the raw bytes verify.
        byte[] spaced = new String(BODY, StandardCharsets.UTF_8).replace(",\"meta\"", ", \"meta\"")
                .getBytes(StandardCharsets.UTF_8);
        assertForbidden(() -> WebhookSignature.verify(publicKey, ts, signature, spaced, NOW));
    }

    @Test
    void staleOrFutureTimestampIsRefused() throws Exception {
        String ts = Long.toString(NOW.getEpochSecond());
        String signature = sign(fromSeed(Base64.getDecoder().decode(OFFICIAL_PRIVATE)), ts, BODY);
        assertForbidden(() -> WebhookSignature.verify(publicKey, ts, signature, BODY, NOW.plusSeconds(301)));
        assertForbidden(() -> WebhookSignature.verify(publicKey, ts, signature, BODY, NOW.minusSeconds(301)));
    }

    @Test
    void timestampIsPartOfTheSignedBytes() throws Exception {
        String ts = Long.toString(NOW.getEpochSecond());
        String signature = sign(fromSeed(Base64.getDecoder().decode(OFFICIAL_PRIVATE)), ts, BODY);
        String other = Long.toString(NOW.getEpochSecond() + 1);
        assertForbidden(() -> WebhookSignature.verify(publicKey, other, signature, BODY, NOW));
    }

    @Test
    void otherKeyMissingOrMalformedHeadersAreRefused() throws Exception {
        String ts = Long.toString(NOW.getEpochSecond());
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String foreign = sign(other.getPrivate(), ts, BODY);
        assertForbidden(() -> WebhookSignature.verify(publicKey, ts, foreign, BODY, NOW));
        assertForbidden(() -> WebhookSignature.verify(publicKey, null, foreign, BODY, NOW));
        assertForbidden(() -> WebhookSignature.verify(publicKey, ts, null, BODY, NOW));
        assertForbidden(() -> WebhookSignature.verify(publicKey, "yesterday", foreign, BODY, NOW));
        assertForbidden(() -> WebhookSignature.verify(publicKey, ts, "not base64!", BODY, NOW));
        assertForbidden(() -> WebhookSignature.verify(publicKey, ts, Base64.getEncoder().encodeToString(new byte[10]),
                BODY, NOW));
    }

    @Test
    void generatedKeyPairRoundTrips() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] encoded = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        String ts = Long.toString(NOW.getEpochSecond());
        String signature = sign(pair.getPrivate(), ts, BODY);
        assertDoesNotThrow(() -> WebhookSignature.verify(raw, ts, signature, BODY, NOW));
    }

    private static void assertForbidden(org.junit.jupiter.api.function.Executable check) {
        CallCenterException e = assertThrows(CallCenterException.class, check);
        assertEquals(403, e.status());
    }
}
