package callcenter.web.auth;

import java.util.UUID;

import jakarta.json.bind.annotation.JsonbNillable;

import callcenter.auth.boundary.LoginService;
import callcenter.users.entity.User;

/** The answer to a successful login. */
public record LoginResponse(String token, String tokenType, long expiresIn, LoggedInUser user) {

    /** Who logged in; {@code extension} is null when the user has none. */
    @JsonbNillable
    public record LoggedInUser(UUID id, String username, String displayName, String extension, String role) {
        static LoggedInUser of(User user) {
            return new LoggedInUser(user.id(), user.username(), user.displayName(), user.extension(), user.role());
        }
    }

    static LoginResponse of(LoginService.Login login) {
        return new LoginResponse(login.token(), "Bearer", login.expiresInSeconds(), LoggedInUser.of(login.user()));
    }
}
