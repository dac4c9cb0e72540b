package callcenter.web.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import callcenter.common.Roles;
import callcenter.users.boundary.ClientService;
import callcenter.web.RestApplication;

/** Admins create and delete API clients (integrators, the caller mobile app). */
@SecurityRequirement(name = RestApplication.BEARER)
@Path("clients")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientsResource {

    /** The new client's credentials and scope; the secret is shown only here. */
    public record CreatedClient(String clientId, String clientSecret,
                                @Schema(enumeration = {"app", "integrator"}, description = NewClientRequest.SCOPE)
                                String scope) {
    }

    @Inject
    ClientService clients;

    @POST
    @APIResponse(responseCode = "201", description = "The client, with its secret (shown only here)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedClient.class)))
    public Response createClient(@Valid @NotNull NewClientRequest request) {
        ClientService.NewClient created = clients.create(request.name(), request.scope());
        return Response.status(Response.Status.CREATED)
                .entity(new CreatedClient(created.clientId(), created.clientSecret(), created.scope()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** Deletes the client; its tokens fail from now on. */
    @DELETE
    @APIResponse(responseCode = "204", description = "Deleted: its tokens fail from now on")
    @Path("{clientId}")
    public Response deleteClient(@PathParam("clientId") String clientId) {
        clients.delete(clientId);
        return Response.noContent().build();
    }
}
