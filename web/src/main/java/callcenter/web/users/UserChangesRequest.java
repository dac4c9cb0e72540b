package callcenter.web.users;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import callcenter.users.boundary.UserService;

/**
 * {@code PATCH /api/users/{id}}: absent (or null) fields stay as they are; an empty {@code sipUsername} or
 * {@code telnyxCredentialId} clears it. The username cannot change: one other than the user's is a 400, not
 * silently ignored (an admin who meant a rename would otherwise read a 200); the user's own may be sent back.
 */
public record UserChangesRequest(
        String username,
        @Size(max = 200) @Pattern(regexp = UserRules.NOT_BLANK, message = "must not be blank") String displayName,
        @Size(max = 32) @Pattern(regexp = UserRules.NOT_BLANK, message = "must not be blank") String extension,
        @Pattern(regexp = UserRules.ROLE, message = UserRules.ROLE_MESSAGE) String role,
        @Pattern(regexp = UserRules.PASSWORD, message = UserRules.PASSWORD_MESSAGE) String password,
        // Empty clears, so the patterns take "" too.
        @Pattern(regexp = "(" + UserRules.SIP_USERNAME + ")?", message = UserRules.SIP_USERNAME_MESSAGE) String sipUsername,
        @Pattern(regexp = "(" + UserRules.CREDENTIAL_ID + ")?", message = UserRules.CREDENTIAL_ID_MESSAGE)
        String telnyxCredentialId,
        Boolean enabled,
        // api.md section 7: the queues the user serves (null: as they are; a new user: the default queue) and skills.
        @Size(max = 100) List<String> queues,
        @Size(max = 50) Map<String, Integer> skills) {

    /** Without the password, which the boundary hashes outside its transaction. */
    UserService.UserChanges command() {
        return new UserService.UserChanges(displayName == null ? null : displayName.trim(), extension, role, null,
                sipUsername, telnyxCredentialId, enabled);
    }
}
