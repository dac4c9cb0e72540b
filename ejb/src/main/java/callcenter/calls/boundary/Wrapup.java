package callcenter.calls.boundary;

/** {@code POST /api/calls/{id}/wrapup} as the web layer bound and checked it: the agent's after-call work. */
public record Wrapup(String disposition, String note) {
}
