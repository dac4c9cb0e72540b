package callcenter.it;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR the build produced, deployed as it is: the tests test the real artifact. */
public final class Deployments {
    private Deployments() {
    }

    public static EnterpriseArchive ear() {
        // The file name must stay callcenter.ear: the resource adapter is registered as "callcenter.ear#activemq-rar.rar".
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }
}
