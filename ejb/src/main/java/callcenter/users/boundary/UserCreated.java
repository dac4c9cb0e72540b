package callcenter.users.boundary;

import java.util.UUID;

/** Fired inside the transaction that created a user, so features above can give it its defaults (a queue). */
public record UserCreated(UUID userId) {
}
