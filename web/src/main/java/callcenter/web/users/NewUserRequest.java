package callcenter.web.users;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import callcenter.users.boundary.UserService;

/** {@code POST /api/users}. */
public record NewUserRequest(
        @NotNull @Pattern(regexp = UserRules.USERNAME, message = UserRules.USERNAME_MESSAGE) String username,
        @NotBlank @Size(max = 200) String displayName,
        @NotNull @Pattern(regexp = UserRules.PASSWORD, message = UserRules.PASSWORD_MESSAGE) String password,
        @NotBlank @Size(max = 32) String extension,
        @NotNull @Pattern(regexp = UserRules.ROLE, message = UserRules.ROLE_MESSAGE) String role,
        // Empty means none, as it always did.
        @Pattern(regexp = "(" + UserRules.SIP_USERNAME + ")?", message = UserRules.SIP_USERNAME_MESSAGE) String sipUsername,
        @Pattern(regexp = "(" + UserRules.CREDENTIAL_ID + ")?", message = UserRules.CREDENTIAL_ID_MESSAGE)
        String telnyxCredentialId,
        // api.md section 7: the queues the user serves (null: as they are; a new user: the default queue) and skills.
        @Size(max = 100) List<String> queues,
        @Size(max = 50) Map<String, Integer> skills) {

    /** Without the password, which the boundary hashes outside its transaction. */
    UserService.NewUser command() {
        return new UserService.NewUser(username, displayName.trim(), null, extension, role, sipUsername,
                telnyxCredentialId);
    }
}
