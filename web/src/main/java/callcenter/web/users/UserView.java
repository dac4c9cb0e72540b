package callcenter.web.users;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.bind.annotation.JsonbNillable;

import callcenter.common.Times;
import callcenter.queues.boundary.StaffQueues;
import callcenter.users.entity.User;

/**
 * A user as the API shows it, with its queues and skills: never a password or a hash. Absent values are null;
 * {@code createdAt} is written like every timestamp of the API, with its milliseconds (api.md section 1).
 */
@JsonbNillable
public record UserView(UUID id, String username, String displayName, String extension, String role,
                       String sipUsername, String telnyxCredentialId, boolean enabled, String createdAt,
                       List<String> queues, Map<String, Integer> skills) {

    static UserView of(StaffQueues.Staffed staffed) {
        User user = staffed.user();
        return new UserView(user.id(), user.username(), user.displayName(), user.extension(), user.role(),
                user.sipUsername(), user.telnyxCredentialId(), user.enabled(), Times.iso(user.createdAt()),
                staffed.membership().queues(), staffed.membership().skills());
    }
}
