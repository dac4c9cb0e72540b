package callcenter.auth.boundary;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

import callcenter.common.CallCenterException;
import callcenter.common.Roles;
import callcenter.platform.Settings;
import callcenter.users.boundary.PasswordHasher;
import callcenter.users.boundary.UserService;

/**
 * First start: creates the {@code admin} user with {@code CALLCENTER_ADMIN_PASSWORD}, or with a random password
 * printed once (the only secret the product ever prints). Nodes starting together race on the unique username;
 * the loser finds the admin created and does nothing.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionManagement(TransactionManagementType.BEAN) // each UserService call is its own transaction
public class AdminBootstrap {

    static final String ADMIN = "admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    UserService users;

    @Inject
    Settings settings;

    @Inject
    PasswordHasher hasher;

    @PostConstruct
    void ensureAdmin() {
        if (users.exists(ADMIN)) {
            return;
        }
        var configured = settings.adminPassword();
        String password = configured.orElseGet(AdminBootstrap::randomPassword);
        if (configured.isPresent() && password.codePointCount(0, password.length()) < 8) {
            LOG.warning("CALLCENTER_ADMIN_PASSWORD is shorter than 8 characters; change the admin's password soon");
        }
        try {
            // Hashed here, before UserService's transaction begins.
            users.create(new UserService.NewUser(ADMIN, "Administrator", hasher.hash(password), null, Roles.ADMIN,
                    null, null));
        } catch (CallCenterException e) {
            if (e.status() == 409) {
                LOG.info("The admin user was created by another node");
                return;
            }
            throw e;
        }
        if (configured.isPresent()) {
            LOG.info("Created the admin user with the password from CALLCENTER_ADMIN_PASSWORD");
        } else {
            // Printed once, at the start that created it; it is never stored or shown again.
            String banner = "\n"
                    + "==================================================================\n"
                    + "  First start: created user 'admin'.\n"
                    + "  Generated admin password: " + password + "\n"
                    + "  It is shown only this once. Log in and change it, or set\n"
                    + "  CALLCENTER_ADMIN_PASSWORD before the first start.\n"
                    + "==================================================================";
            LOG.warning(banner);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
