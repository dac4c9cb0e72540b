package callcenter.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while a connection to the message broker that fans call events out can be had. */
@Readiness
@ApplicationScoped
public class BrokerCheck implements HealthCheck {

    @Resource(lookup = "java:/jms/CallCenterCF")
    ConnectionFactory connectionFactory;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = connectionFactory.createConnection()) {
            return HealthCheckResponse.named("broker").up().build();
        } catch (Exception e) {
            return HealthCheckResponse.named("broker").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
