package callcenter.platform;

import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import org.flywaydb.core.Flyway;

/**
 * Brings the schema to the current version before anything uses it. Nodes starting together are serialized by
 * Flyway's database lock.
 */
@Startup
@Singleton
@DependsOn("StartupChecks")
@TransactionManagement(TransactionManagementType.BEAN) // Flyway runs its own transactions
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = "java:jboss/datasources/CallCenterDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        // The EJB module's class loader: Flyway scans it for db/migration.
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        var result = flyway.migrate();
        // Flyway reports no target version when nothing was applied; the current one is what operators want to see.
        var current = flyway.info().current();
        LOG.info("Database schema at version " + (current == null ? "none" : current.getVersion())
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
