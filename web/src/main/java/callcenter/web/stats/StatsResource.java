package callcenter.web.stats;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import callcenter.common.CallCenterException;
import callcenter.common.Roles;
import callcenter.stats.boundary.MinuteStats;
import callcenter.stats.boundary.Stats;
import callcenter.stats.boundary.StatsService;
import callcenter.web.RestApplication;

/** The wallboard's figures: {@code GET /api/stats}. */
@SecurityRequirement(name = RestApplication.BEARER)
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

    /** Per-minute figures for the wallboard's chart (api.md section 7); {@code minutes} 1-1440, default 60. */
    @GET
    @Path("history")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public List<MinuteStats> history(@QueryParam("minutes") String minutes) {
        return stats.history(parseMinutes(minutes));
    }

    private static int parseMinutes(String minutes) {
        if (minutes == null) {
            return 60;
        }
        try {
            return Integer.parseInt(minutes.trim());
        } catch (NumberFormatException e) {
            throw CallCenterException.invalid("minutes", "must be a whole number from 1 to 1440");
        }
    }
}
