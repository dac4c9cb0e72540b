package callcenter.users.boundary;

import java.util.UUID;

/** A user who takes calls, as the agents list shows it. */
public record StaffMember(UUID id, String displayName, String extension) {
}
