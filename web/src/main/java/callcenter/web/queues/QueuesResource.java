package callcenter.web.queues;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import callcenter.common.Page;
import callcenter.common.PageRequest;
import callcenter.common.Roles;
import callcenter.queues.boundary.QueueService;
import callcenter.queues.boundary.QueueView;
import callcenter.web.RestApplication;

/** The queues (api.md section 7): every user role reads them, admins change them. */
@SecurityRequirement(name = RestApplication.BEARER)
@Path("queues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QueuesResource {

    @Inject
    QueueService queues;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "The queue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueueView.class)))
    public Response createQueue(@Valid @NotNull NewQueueRequest request, @Context UriInfo uri) {
        QueueView created = queues.create(request.command());
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
    public Page<QueueView> listQueues(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return queues.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("{name}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
    public QueueView getQueue(@PathParam("name") String name) {
        return queues.get(name);
    }

    @PATCH
    @Path("{name}")
    @RolesAllowed(Roles.ADMIN)
    public QueueView updateQueue(@PathParam("name") String name, @Valid @NotNull QueueChangesRequest request) {
        return queues.update(name, request.command(name));
    }

    /** Its waiting calls move to the default queue. */
    @DELETE
    @APIResponse(responseCode = "204", description = "Deleted: its waiting calls moved to the default queue")
    @Path("{name}")
    @RolesAllowed(Roles.ADMIN)
    public Response deleteQueue(@PathParam("name") String name) {
        queues.delete(name);
        return Response.noContent().build();
    }
}
