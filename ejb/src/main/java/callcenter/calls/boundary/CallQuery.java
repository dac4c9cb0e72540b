package callcenter.calls.boundary;

/** The filters of {@code GET /api/calls} as sent (null when absent); {@code CallFilter} checks them. */
public record CallQuery(String status, String channel, String agentId, String phoneNumber, String from, String to) {
}
