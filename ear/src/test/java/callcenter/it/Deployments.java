package callcenter.it;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The EAR the build produced, deployed as it is: the tests test the real artifact. */
public final class Deployments {
    private Deployments() {
    }

    public static EnterpriseArchive ear() {
        // The file name must stay callcenter.ear: the resource adapter is registered as "callcenter.ear#activemq-rar.rar".
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    /** The same EAR with test-only classes (probe servlets) added to its WAR. */
    public static EnterpriseArchive earWith(Class<?>... webClasses) {
        EnterpriseArchive ear = ear();
        WebArchive war = ShrinkWrap.create(WebArchive.class, "callcenter-web.war")
                .merge(ear.getAsType(WebArchive.class, "callcenter-web.war"))
                .addClasses(webClasses);
        ear.delete("callcenter-web.war");
        return ear.addAsModule(war);
    }
}
