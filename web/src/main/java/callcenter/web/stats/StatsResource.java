package callcenter.web.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import callcenter.common.Roles;
import callcenter.stats.boundary.Stats;
import callcenter.stats.boundary.StatsService;

/** The wallboard's figures: {@code GET /api/stats}. */
@Path("stats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    StatsService stats;

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public Stats get() {
        return stats.current();
    }
}
