package callcenter.web.calls;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import callcenter.calls.boundary.Wrapup;

/** {@code POST /api/calls/{id}/wrapup}: the agent's after-call work. */
public record WrapupRequest(@NotBlank @Size(max = 64) String disposition, @Size(max = 2000) String note) {

    Wrapup command() {
        return new Wrapup(disposition, note);
    }
}
