package callcenter.calls.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import callcenter.calls.control.JsonFields;

/** The body of {@code POST /api/calls/{id}/wrapup}: the agent's after-call work. */
public record Wrapup(@NotBlank @Size(max = 64) String disposition, @Size(max = 2000) String note) {

    static Wrapup read(JsonFields body) {
        return new Wrapup(body.string("disposition", "disposition"), body.string("note", "note"));
    }
}
