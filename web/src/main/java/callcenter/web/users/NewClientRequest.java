package callcenter.web.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/clients}. */
public record NewClientRequest(@NotBlank @Size(max = 200) String name) {
}
