package callcenter.web.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/auth/login}. */
public record LoginRequest(@NotBlank @Size(max = 64) String username,
                           @NotNull @Size(max = 256) String password) {
}
