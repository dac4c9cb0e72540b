package callcenter.calls.boundary;

/** The filters of {@code GET /api/calls} as sent (null when absent); {@code CallService} checks them. */
public record CallQuery(String status, String channel, String agentId, String phoneNumber, String from, String to) {

    public static CallQuery none() {
        return new CallQuery(null, null, null, null, null, null);
    }
}
