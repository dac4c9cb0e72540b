package callcenter.web.health;

import java.util.List;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import callcenter.common.JsonP;

/**
 * {@code /health/live} and {@code /health/ready} on the main port for load balancers (WildFly serves MicroProfile
 * Health only on the management interface), in the MicroProfile Health response format. Public by contract.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    @Readiness
    @Any
    Instance<HealthCheck> readiness;

    @GET
    @Path("live")
    public Response live() {
        // The process answers HTTP and the application is deployed: that is what liveness can tell.
        return render(List.of(HealthCheckResponse.named("application").up().build()));
    }

    @GET
    @Path("ready")
    public Response ready() {
        return render(readiness.stream().map(HealthCheck::call).toList());
    }

    private static Response render(List<HealthCheckResponse> checks) {
        boolean up = checks.stream().allMatch(c -> c.getStatus() == HealthCheckResponse.Status.UP);
        JsonArrayBuilder list = JsonP.createArrayBuilder();
        for (HealthCheckResponse check : checks) {
            JsonObjectBuilder item = JsonP.createObjectBuilder()
                    .add("name", check.getName())
                    .add("status", check.getStatus().name());
            check.getData().ifPresent(data -> {
                JsonObjectBuilder d = JsonP.createObjectBuilder();
                data.forEach((k, v) -> d.add(k, String.valueOf(v)));
                item.add("data", d);
            });
            list.add(item);
        }
        String body = JsonP.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", list).build().toString();
        return Response.status(up ? 200 : 503).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
