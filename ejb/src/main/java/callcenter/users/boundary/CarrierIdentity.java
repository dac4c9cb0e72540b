package callcenter.users.boundary;

import java.util.UUID;

import callcenter.users.entity.User;

/**
 * What the carrier integrations need to know about a user: its Africa's Talking client name, its own Telnyx SIP user
 * and credential (null when it has none), and whether it may still act.
 */
public record CarrierIdentity(UUID userId, boolean enabled, String atClientName, String sipUsername,
                              String telnyxCredentialId) {

    static CarrierIdentity of(User user) {
        return new CarrierIdentity(user.id(), user.enabled(), user.atClientName(), blankToNull(user.sipUsername()),
                blankToNull(user.telnyxCredentialId()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
