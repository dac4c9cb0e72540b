package callcenter.web.users;

import java.util.UUID;

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

import callcenter.common.CallCenterException;
import callcenter.common.Page;
import callcenter.common.PageRequest;
import callcenter.common.Roles;
import callcenter.queues.boundary.StaffQueues;
import callcenter.queues.boundary.StaffSetup;
import callcenter.users.boundary.UserService;
import callcenter.web.RestApplication;

/** Admins manage the users: agents, supervisors and admins. */
@SecurityRequirement(name = RestApplication.BEARER)
@Path("users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    UserService users;

    @Inject
    StaffQueues staff;

    @Inject
    StaffSetup setup;

    @POST
    @APIResponse(responseCode = "201", description = "The user (never its password)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    public Response createUser(@Valid @NotNull NewUserRequest request, @Context UriInfo uri) {
        UserView created = UserView.of(setup.create(request.command(), request.password(), request.queues(),
                request.skills()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    public Page<UserView> listUsers(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return staff.list(PageRequest.of(limit, cursor)).map(UserView::of);
    }

    @GET
    @Path("{id}")
    public UserView getUser(@PathParam("id") UUID id) {
        return UserView.of(staff.get(id));
    }

    @PATCH
    @Path("{id}")
    public UserView updateUser(@PathParam("id") UUID id, @Valid @NotNull UserChangesRequest request) {
        if (request.username() != null && !request.username().equals(staff.get(id).user().username())) {
            throw CallCenterException.invalid("username", "cannot be changed; create a user of the new name");
        }
        return UserView.of(setup.update(id, request.command(), request.password(), request.queues(), request.skills()));
    }

    /** Disables the user; its history stays. */
    @DELETE
    @APIResponse(responseCode = "204", description = "Disabled: its tokens fail and its sockets close; its history stays")
    @Path("{id}")
    public Response disableUser(@PathParam("id") UUID id) {
        users.disable(id);
        return Response.noContent().build();
    }
}
