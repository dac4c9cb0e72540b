package callcenter.platform;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Chooses Hibernate's dialect from {@code CALLCENTER_DB} instead of from a database connection at deployment.
 * Without it, a wrong database URL fails the persistence unit with "Unable to determine Dialect" before
 * {@link StartupChecks} can say which setting is wrong.
 */
public class SettingsDialectResolver implements DialectResolver {

    @Override
    public Dialect resolveDialect(org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo info) {
        String db = ConfigProvider.getConfig(SettingsDialectResolver.class.getClassLoader())
                .getOptionalValue("callcenter.db", String.class).orElse("h2").trim().toLowerCase();
        // An unknown value is reported by StartupChecks; any dialect lets the deployment get that far.
        return db.equals("postgresql") ? new PostgreSQLDialect(DatabaseVersion.make(15)) : new H2Dialect();
    }
}
