package callcenter.calls.control;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;
import callcenter.common.CallCenterException;
import callcenter.common.FieldError;

/**
 * The filters of {@code GET /api/calls}, checked: every field null when absent.
 *
 * @param from createdAt at or after; {@code to} createdAt before
 */
public record CallFilter(CallStatus status, String channel, UUID agentId, String phoneNumber, Instant from, Instant to) {

    static final List<String> CHANNELS = List.of(CallLog.CHANNEL_APP, CallLog.CHANNEL_TELNYX,
            CallLog.CHANNEL_AFRICASTALKING);

    /**
     * Reads the raw query values (null when absent; present but empty is a mistake, not "no filter"), naming every
     * bad one in one 400. {@code normalizePhone} turns a number into E.164 or fails with a field error.
     */
    public static CallFilter parse(String status, String channel, String agentId, String phoneNumber, String from,
                                   String to, UnaryOperator<String> normalizePhone) {
        List<FieldError> errors = new ArrayList<>();
        CallStatus s = null;
        if (status != null) {
            s = CallStatus.fromWire(status.trim()).orElse(null);
            if (s == null) {
                errors.add(new FieldError("status", "must be one of dialing, waiting, active, ended, missed, failed"));
            }
        }
        String c = null;
        if (channel != null) {
            c = channel.trim();
            if (!CHANNELS.contains(c)) {
                errors.add(new FieldError("channel", "must be one of app, telnyx, africastalking"));
            }
        }
        UUID agent = null;
        if (agentId != null) {
            try {
                agent = UUID.fromString(agentId.trim());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("agentId", "must be a user id (UUID)"));
            }
        }
        String phone = null;
        if (phoneNumber != null) {
            try {
                phone = normalizePhone.apply(phoneNumber);
            } catch (CallCenterException e) {
                errors.addAll(e.errors());
            }
        }
        Instant since = instant(from, "from", errors);
        Instant until = instant(to, "to", errors);
        if (since != null && until != null && !since.isBefore(until)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw CallCenterException.invalid(errors);
        }
        return new CallFilter(s, c, agent, phone, since, until);
    }

    /** Adds the JPQL conditions (on {@code c}) of the filters that are set, and their parameters. */
    void where(List<String> where, Map<String, Object> parameters) {
        condition(where, parameters, "c.status = :status", "status", status);
        condition(where, parameters, "c.channel = :channel", "channel", channel);
        condition(where, parameters, "c.agentId = :agentId", "agentId", agentId);
        condition(where, parameters, "c.phoneNumber = :phoneNumber", "phoneNumber", phoneNumber);
        condition(where, parameters, "c.createdAt >= :from", "from", from);
        condition(where, parameters, "c.createdAt < :to", "to", to);
    }

    private static void condition(List<String> where, Map<String, Object> parameters, String jpql, String name,
                                  Object value) {
        if (value != null) {
            where.add(jpql);
            parameters.put(name, value);
        }
    }

    private static Instant instant(String raw, String field, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.trim()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-11-23T17:02:11.123Z"));
            return null;
        }
    }
}
