package callcenter.web.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import callcenter.users.boundary.UserService;

/** {@code POST /api/users}. */
public record NewUserRequest(
        @NotNull @Pattern(regexp = UserRules.USERNAME, message = UserRules.USERNAME_MESSAGE) String username,
        @NotBlank @Size(max = 200) String displayName,
        @NotNull @Size(min = 8, max = 256, message = UserRules.PASSWORD_MESSAGE) String password,
        @NotBlank @Size(max = 32) String extension,
        @NotNull @Pattern(regexp = UserRules.ROLE, message = UserRules.ROLE_MESSAGE) String role,
        @Size(max = 128) String sipUsername,
        @Size(max = 128) String telnyxCredentialId) {

    UserService.NewUser command() {
        return new UserService.NewUser(username, displayName.trim(), password, extension, role, sipUsername,
                telnyxCredentialId);
    }
}
