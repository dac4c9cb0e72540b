package callcenter.platform;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Refuses to start with a setting that cannot work. The deployment fails, so the server never reports ready, and
 * the log says in one line which variable to fix.
 */
@Startup
@Singleton
public class StartupChecks {

    private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

    @Inject
    Settings settings;

    @PostConstruct
    void check() {
        try {
            settings.database();
            settings.checkDatabase();
            settings.tokenTtlMinutes();
            settings.ringTimeoutSeconds();
            settings.dialTimeoutSeconds();
            settings.presenceGraceSeconds();
            settings.wsPingSeconds();
            settings.warmupPasses();
            settings.nodeId();
            settings.serviceLevelSeconds();
            settings.providerTimeoutSeconds();
            settings.maxBodyBytes();
            settings.loginAddressMaxFailures();
            settings.defaultRegion();
            settings.timezone();
            settings.iceServers();
        } catch (Settings.InvalidSetting e) {
            LOG.severe(e.getMessage() + " - the call center will not start until this is fixed");
            throw e;
        }
    }
}
