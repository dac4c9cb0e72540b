package callcenter.common;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;

/**
 * UUIDs read by native SQL: PostgreSQL's driver answers {@link UUID}, while H2 describes its UUID columns as binary,
 * so Hibernate hands back their 16 bytes (most significant first). Both become a {@link UUID} here.
 */
public final class Uuids {

    private Uuids() {
    }

    public static UUID of(Object value) {
        if (value instanceof UUID uuid) {
            return uuid;
        }
        if (value instanceof byte[] bytes && bytes.length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        if (value instanceof String text) {
            return UUID.fromString(text);
        }
        throw new IllegalArgumentException("not a UUID: " + (value == null ? null : value.getClass()));
    }

    public static List<UUID> all(List<?> values) {
        return values.stream().map(Uuids::of).toList();
    }
}
