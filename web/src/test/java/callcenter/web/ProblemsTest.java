package callcenter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import jakarta.ejb.EJBException;
import jakarta.jms.JMSRuntimeException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;

import org.junit.jupiter.api.Test;

import callcenter.common.CallCenterException;

/** A database out of reach is a 503 to retry, not an incident; everything else keeps its answer. */
class ProblemsTest {

    /** The chain WildFly gives a request that waited the pool's blocking timeout for a connection. */
    private static Throwable poolExhausted() {
        ResourceException pool = new ResourceException(
                "IJ000655: No managed connections available within configured blocking timeout (5000 [ms])");
        SQLException jdbc = new SQLException("IJ031041: Unable to get managed connection for java:jboss/datasources/CallCenterDS", pool);
        return new EJBException(new PersistenceException("Unable to acquire JDBC Connection", jdbc));
    }

    @Test
    void aRequestThatGotNoConnectionIsA503WithRetryAfter() {
        Throwable cause = Problems.unwrap(poolExhausted());
        CallCenterException unavailable = assertInstanceOf(CallCenterException.class, cause);
        assertEquals(Problems.DATABASE_RETRY_SECONDS, unavailable.retryAfterSeconds());
        Problem problem = Problems.of(cause, true);
        assertEquals(503, problem.status());
        assertTrue(problem.type().endsWith("unavailable"), problem.type());
        assertTrue(problem.detail().contains("database"), problem.detail());
        assertFalse(problem.detail().contains("IJ0"), "the pool's internals are for the log, not the client: " + problem);
    }

    @Test
    void aConnectionLostDuringAStatementIsA503() {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertEquals(503, Problems.of(new EJBException(new PersistenceException("could not execute statement", lost)), true).status());
        assertEquals(503, Problems.of(new SQLException("Connection refused", "08001"), false).status());
    }

    @Test
    void otherDatabaseErrorsStayInternalErrors() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertEquals(500, Problems.of(new EJBException(new PersistenceException("constraint", duplicate)), true).status());
        assertEquals(500, Problems.of(new PersistenceException("no state", new SQLException("odd")), true).status());
    }

    @Test
    void aBrokerFailureIsNotTakenForTheDatabase() {
        // The broker's connection factory is a Jakarta Connectors pool too; PushPublisher answers for it itself.
        Throwable broker = new EJBException(new JMSRuntimeException("no broker", "x",
                new ResourceException("IJ000453: Unable to get managed connection for java:/jms/CallCenterCF")));
        assertEquals(500, Problems.of(broker, true).status());
        CallCenterException said = CallCenterException.unavailable("The message broker cannot be reached");
        Problem problem = Problems.of(new EJBException(said), true);
        assertEquals(503, problem.status());
        assertTrue(problem.detail().contains("broker"), problem.detail());
    }
}
