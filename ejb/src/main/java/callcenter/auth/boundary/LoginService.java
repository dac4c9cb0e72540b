package callcenter.auth.boundary;

import java.time.Instant;
import java.util.Optional;

import jakarta.ejb.Stateless;
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

/** Username and password logins of agents, supervisors and admins, throttled per username. */
@Stateless
public class LoginService {

    /** A successful login: the bearer token, its lifetime from now, and who logged in. */
    public record Login(String token, long expiresInSeconds, User user) {
    }

    private static final int MAX_USERNAME = 64;

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

    public Login login(String username, String password) {
        Instant now = Times.now();
        if (username == null || username.length() > MAX_USERNAME) {
            // No such user can exist, and such a name cannot be counted; answer like any wrong login.
            hasher.verifyNothing(password);
            throw wrongCredentials();
        }
        long locked = throttle.lockedForSeconds(username, now);
        if (locked > 0) {
            // Checked before the password, so a locked username reveals nothing about it.
            throw ThrottleRule.locked(locked);
        }
        Optional<User> found = users.findByUsername(username);
        // An unknown user costs the same hash as a known one: the answer's timing tells nothing either.
        boolean matches = found.isPresent() ? hasher.verify(password, found.get().passwordHash())
                : hasher.verifyNothing(password);
        if (!matches || !found.get().enabled()) {
            throttle.recordFailure(username, Times.now());
            throw wrongCredentials();
        }
        User user = found.get();
        throttle.recordSuccess(username, Times.now());
        if (hasher.needsRehash(user.passwordHash())) {
            user.passwordHash(hasher.hash(password), now);
        }
        TokenIssuer.IssuedToken token = issuer.user(user.id(), user.username(), user.role(), now,
                settings.tokenTtlMinutes() * 60L);
        return new Login(token.token(), token.expiresInSeconds(now), user);
    }

    private static CallCenterException wrongCredentials() {
        return CallCenterException.unauthorized("Wrong username or password");
    }
}
