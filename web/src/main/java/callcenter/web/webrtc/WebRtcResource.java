package callcenter.web.webrtc;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import callcenter.common.JsonP;
import callcenter.common.Roles;
import callcenter.platform.Settings;
import callcenter.web.RestApplication;

/**
 * {@code GET /api/webrtc/config}: the STUN/TURN servers ({@code CALLCENTER_ICE_SERVERS}) for the pages'
 * {@code RTCPeerConnection}. Authenticated, because TURN credentials are not for everyone; the caller page asks with
 * the client token it already holds to start the call.
 */
@SecurityRequirement(name = RestApplication.BEARER)
@Path("webrtc")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebRtcResource {

    @Inject
    Settings settings;

    @GET
    @Path("config")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.CLIENT})
    public JsonObject config() {
        return JsonP.createObjectBuilder().add("iceServers", settings.iceServers()).build();
    }
}
