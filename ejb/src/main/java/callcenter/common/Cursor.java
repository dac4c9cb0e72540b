package callcenter.common;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import callcenter.config.SigningKeys;

/** Opaque, signed paging cursors. */
public final class Cursor {

    /** Where a page ends: the last item's creation time and id (ties on time are broken by id). */
    public record Position(Instant createdAt, UUID id) {
    }

    private static final int PAYLOAD = 8 + 4 + 16;
    private static final int TAG = 12;
    private static volatile byte[] key;

    private Cursor() {
    }

    static String encode(Position position) {
        ByteBuffer buffer = ByteBuffer.allocate(PAYLOAD + TAG);
        buffer.putLong(position.createdAt().getEpochSecond());
        buffer.putInt(position.createdAt().getNano());
        buffer.putLong(position.id().getMostSignificantBits());
        buffer.putLong(position.id().getLeastSignificantBits());
        buffer.put(tag(Arrays.copyOf(buffer.array(), PAYLOAD)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    static Position decode(String cursor) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cursor.trim());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (raw.length != PAYLOAD + TAG) {
            throw invalid();
        }
        byte[] payload = Arrays.copyOf(raw, PAYLOAD);
        if (!MessageDigest.isEqual(tag(payload), Arrays.copyOfRange(raw, PAYLOAD, raw.length))) {
            throw invalid();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        long seconds = buffer.getLong();
        int nanos = buffer.getInt();
        if (nanos < 0 || nanos > 999_999_999) {
            throw invalid();
        }
        return new Position(Instant.ofEpochSecond(seconds, nanos), new UUID(buffer.getLong(), buffer.getLong()));
    }

    private static CallCenterException invalid() {
        return CallCenterException.invalid("cursor", "is not a cursor this server issued");
    }

    private static byte[] tag(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload), TAG);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Derived from the signing key, which every node of a cluster shares, so any node accepts any node's cursor. */
    private static byte[] key() throws GeneralSecurityException {
        byte[] k = key;
        if (k == null) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("callcenter-cursor".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            k = digest.digest(SigningKeys.get().privateKey().getEncoded());
            key = k;
        }
        return k;
    }

    /** For unit tests: a fixed key instead of the server's. */
    static void useKey(byte[] testKey) {
        key = testKey.clone();
    }
}
