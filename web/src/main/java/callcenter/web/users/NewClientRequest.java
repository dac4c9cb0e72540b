package callcenter.web.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/clients}; {@code scope} is {@code app} (the default when absent) or {@code integrator}. */
public record NewClientRequest(@NotBlank @Size(max = 200) String name,
                               @Schema(enumeration = {"app", "integrator"}, defaultValue = "app", description = SCOPE)
                               @Pattern(regexp = "app|integrator", message = "must be app or integrator") String scope) {

    /** The OpenAPI description of a scope (api.md v7). */
    static final String SCOPE = "app: initiate calls, read and end the calls it started (a caller's mobile app); "
            + "integrator: also the carriers' call endpoints (Telnyx outbound and commands, Africa's Talking "
            + "make-call) for the calls it started. An app client gets 403 there.";
}
