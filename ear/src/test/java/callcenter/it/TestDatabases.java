package callcenter.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * PostgreSQL databases of the tests that start servers of their own (the crash drill, the cluster, a bootable jar on
 * PostgreSQL), made by the build's superuser ({@code it.db.admin.user}) and owned by the tests' role
 * ({@code it.db.user}). The build drops that role before each run (ear/pom.xml), which fails while a database it
 * owns is left: each name used here is dropped there too.
 */
final class TestDatabases {

    private TestDatabases() {
    }

    private static String host() {
        return System.getProperty("it.db.host", "127.0.0.1:5432");
    }

    static String url(String database) {
        return "jdbc:postgresql://" + host() + "/" + database;
    }

    /** An empty database of this name, whatever an earlier or interrupted run left. */
    static void recreate(String database) throws Exception {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)",
                "CREATE DATABASE " + database + " OWNER " + System.getProperty("it.db.user"));
    }

    static void drop(String database) throws Exception {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private static void admin(String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(url("postgres"),
                System.getProperty("it.db.admin.user", "postgres"), "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
