package callcenter.web;

import jakarta.inject.Inject;
import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.UnavailableException;

import callcenter.platform.MemoryTrim;
import callcenter.platform.Settings;

/**
 * Gives back the memory the start left behind ({@link MemoryTrim}) when the node runs no start-up warm-up
 * ({@code CALLCENTER_WARMUP_PASSES=0}); otherwise the warm-up does it when it ends, since its passes grow the heap again.
 */
public class StartupTrim extends GenericServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Settings settings;

    /**
     * A servlet for its place in the start, not for requests (web.xml maps it nowhere): the container initialises it
     * last of all (the largest load-on-startup), after the EJB module's start-up singletons and the JAX-RS
     * applications, when the boot's garbage is all there is. Observing the web module's start (CDI's initialized
     * application scope) came 3.3 s before the deployment was done, and the node grew by 90 MB again after it.
     */
    @Override
    public void init() {
        if (settings.warmupPasses() == 0) {
            MemoryTrim.trimAndLog();
        }
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws UnavailableException {
        throw new UnavailableException("not a request handler");
    }
}
