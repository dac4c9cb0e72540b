package callcenter.calls.control;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.common.Times;
import callcenter.platform.Settings;
import callcenter.platform.Ticks;

/**
 * Turns calls nobody accepted within their queue's maximum wait (by default {@code CALLCENTER_RING_TIMEOUT_SECONDS})
 * into {@code missed}, and calls still dialing after {@code CALLCENTER_DIAL_TIMEOUT_SECONDS} into {@code failed}
 * ({@link CallExpiry#dialTimeOut}). Scans the stored
 * calls every second rather than keeping a timer per call, so a call left waiting by a crash is timed out after the
 * restart too; {@link CallExpiry#timeOut} makes sure only one node times a call out.
 * Non-persistent: persistent EJB timers live under the server's data directory, which the bootable jar discards.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RingTimeouts {

    private static final Logger LOG = Logger.getLogger(RingTimeouts.class.getName());

    @Inject
    CallExpiry expiry;

    @Inject
    Settings settings;

    @Resource
    TimerService timers;

    @PostConstruct
    void start() {
        Ticks.RING_TIMEOUTS.everySecond(timers);
    }

    @Timeout
    void tick() {
        try {
            for (UUID id : expiry.waitingSince(Times.now().minusSeconds(settings.ringTimeoutSeconds()), 200)) {
                expiry.timeOut(id);
            }
            for (UUID id : expiry.dialingSince(Times.now().minusSeconds(settings.dialTimeoutSeconds()), 200)) {
                expiry.dialTimeOut(id);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ring timeout scan failed; retried on the next tick: " + e);
        }
    }
}
