package callcenter.web.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/clients}; {@code scope} is {@code app} (the default when absent) or {@code integrator}. */
public record NewClientRequest(@NotBlank @Size(max = 200) String name,
                               @Pattern(regexp = "app|integrator", message = "must be app or integrator") String scope) {
}
