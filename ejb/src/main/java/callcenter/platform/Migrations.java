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
        var result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info("Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
