package callcenter.auth.boundary;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.auth.control.LoginThrottle;
import callcenter.auth.control.ThrottleRule;
import callcenter.platform.security.TokenIssuer;
import callcenter.common.CallCenterException;
import callcenter.common.Times;
import callcenter.platform.Settings;
import callcenter.users.boundary.UserService;
import callcenter.users.boundary.PasswordHasher;
import callcenter.users.entity.User;

/**
 * Username and password logins of agents, supervisors and admins, throttled per username and per client address.
 * Not a transaction: each database step is a short one of its own, and none is open while the slow password hash
 * runs (a burst of logins would otherwise hold the connection pool for the length of the hashes).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LoginService {

    /** A successful login: the bearer token, its lifetime from now, and who logged in. */
    public record Login(String token, long expiresInSeconds, User user) {
    }

    /** The only usernames that can exist (api.md section 2); another cannot be a user's and is not counted. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,64}");

    @Inject
    UserService users;

    @Inject
    LoginThrottle throttle;

    @Inject
    PasswordHasher hasher;

    @Inject
    TokenIssuer issuer;

    @Inject
    Settings settings;

    /**
     * @param address the client's address as the web layer resolved it (trusted proxies considered), or null
     */
    public Login login(String username, String password, String address) {
        Instant now = Times.now();
        String counted = username != null && USERNAME.matcher(username).matches() ? username : null;
        // Counted before the password is checked, so a locked username reveals nothing about its password, and
        // concurrent guesses cannot all slip in before the first one is counted.
        long locked = throttle.admit(counted, address, now);
        if (locked > 0) {
            throw ThrottleRule.locked(locked);
        }
        Optional<User> found = counted == null ? Optional.empty() : users.findByUsername(counted);
        // An unknown user costs the same hash as a known one: the answer's timing tells nothing either.
        boolean matches = found.isPresent() ? hasher.verify(password, found.get().passwordHash())
                : hasher.verifyNothing(password);
        if (!matches || !found.get().enabled()) {
            throttle.failed(counted, address, now); // counted by admit; reaching a limit locks now
            throw wrongCredentials();
        }
        User user = found.get();
        // Never a 429 from here on: the password was right, and the attempt had been admitted.
        throttle.succeeded(user.username(), address, now);
        if (hasher.needsRehash(user.passwordHash())) {
            users.rehash(user.id(), hasher.hash(password));
        }
        TokenIssuer.IssuedToken token = issuer.user(user.id(), user.username(), user.role(), user.tokenGeneration(),
                now, settings.tokenTtlMinutes() * 60L);
        return new Login(token.token(), token.expiresInSeconds(now), user);
    }

    /**
     * A new token for a user whose token is still valid (api.md section 8: a shift longer than the token's lifetime
     * must not drop the agent). The user is read again, so a token refreshed after a role change carries the new
     * role; a disabled user, or a token of an older generation, gets nothing (the token filter refused it before).
     */
    public Login refresh(UUID userId) {
        User user = users.get(userId);
        if (!user.enabled()) {
            throw CallCenterException.unauthorized("This user is disabled");
        }
        Instant now = Times.now();
        TokenIssuer.IssuedToken token = issuer.user(user.id(), user.username(), user.role(), user.tokenGeneration(),
                now, settings.tokenTtlMinutes() * 60L);
        return new Login(token.token(), token.expiresInSeconds(now), user);
    }

    private static CallCenterException wrongCredentials() {
        return CallCenterException.unauthorized("Wrong username or password");
    }
}
