package callcenter.web.push;

import java.util.logging.Level;
import java.util.logging.Logger;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Something to do on SIGTERM before the JVM's own handling of it, which starts every shutdown hook at once (WildFly's
 * among them: it suspends the server, and that closes every WebSocket still open with 1001). A shutdown hook of the
 * application runs beside WildFly's, never before it, so the drain could only race it (and lost it for some sockets
 * in every rolling restart); as the signal's handler it goes first and then passes the signal on. {@code sun.misc}
 * (module {@code jdk.unsupported}, a dependency in jboss-deployment-structure.xml) is the JDK's only API for it.
 */
final class TermSignal {

    private static final Logger LOG = Logger.getLogger(TermSignal.class.getName());
    private static final String TERM = "TERM";

    private final SignalHandler previous;
    private final SignalHandler own;

    private TermSignal(SignalHandler previous, SignalHandler own) {
        this.previous = previous;
        this.own = own;
    }

    /** Runs {@code first} on SIGTERM, then what ran before; null when the JVM does not let it (-Xrs). */
    static TermSignal install(Runnable first) {
        Signal term = new Signal(TERM);
        SignalHandler[] before = new SignalHandler[1];
        SignalHandler own = signal -> {
            try {
                first.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The drain failed; the server stops anyway", e);
            }
            passOn(before[0], signal);
        };
        try {
            before[0] = Signal.handle(term, own);
            return new TermSignal(before[0], own);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.warning("Cannot handle SIGTERM (" + e + "): the drain runs as a shutdown hook only");
            return null;
        }
    }

    /** The JVM's handler (it starts the shutdown); exits as it would when there was none to call. */
    private static void passOn(SignalHandler previous, Signal signal) {
        if (previous != null && previous != SignalHandler.SIG_DFL && previous != SignalHandler.SIG_IGN) {
            previous.handle(signal);
        } else if (previous != SignalHandler.SIG_IGN) {
            Runtime.getRuntime().exit(128 + signal.getNumber());
        }
    }

    /** Puts back the handler from before (an undeploy): unless another was installed since. */
    void uninstall() {
        try {
            SignalHandler current = Signal.handle(new Signal(TERM), previous);
            if (current != own) {
                Signal.handle(new Signal(TERM), current);
            }
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.log(Level.FINE, "could not put back the SIGTERM handler", e);
        }
    }
}
