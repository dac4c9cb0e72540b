package callcenter.providers.telnyx.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

import callcenter.common.CallCenterException;

/**
 * Telnyx's webhook signature (providers.md 2.5): {@code telnyx-signature-ed25519} is the base64 Ed25519 signature of
 * the UTF-8 bytes {@code "{telnyx-timestamp}|"} followed by the raw body exactly as received, and the timestamp
 * (Unix seconds) must lie within 300 s of now, either way. Uses the JDK's own Ed25519.
 */
public final class WebhookSignature {

    static final int RAW_KEY_LENGTH = 32;
    static final int SIGNATURE_LENGTH = 64;
    public static final long TOLERANCE_SECONDS = 300;
    /** The X.509 SubjectPublicKeyInfo prefix of an Ed25519 key (OID 1.3.101.112); the raw 32 bytes follow it. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private WebhookSignature() {
    }

    /** Throws a 403 unless {@code signature} signs {@code timestamp|rawBody} with {@code rawPublicKey} and is fresh. */
    public static void verify(byte[] rawPublicKey, String timestamp, String signature, byte[] rawBody, Instant now) {
        if (timestamp == null || signature == null) {
            throw refused("Missing telnyx-signature-ed25519 or telnyx-timestamp header");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw refused("telnyx-timestamp is not a Unix time in seconds");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE_SECONDS) {
            throw refused("telnyx-timestamp is more than " + TOLERANCE_SECONDS + " s away from now");
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            throw refused("telnyx-signature-ed25519 is not base64");
        }
        if (sig.length != SIGNATURE_LENGTH) {
            throw refused("telnyx-signature-ed25519 is not an Ed25519 signature");
        }
        byte[] prefix = (timestamp.trim() + "|").getBytes(StandardCharsets.UTF_8);
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(rawPublicKey));
            verifier.update(prefix);
            verifier.update(rawBody);
            if (!verifier.verify(sig)) {
                throw refused("The webhook signature does not match");
            }
        } catch (GeneralSecurityException e) {
            throw refused("The webhook signature does not match");
        }
    }

    static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        byte[] encoded = new byte[X509_PREFIX.length + raw.length];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

    private static CallCenterException refused(String detail) {
        return CallCenterException.forbidden(detail);
    }
}
