package callcenter.web.sms;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import callcenter.common.Actor;
import callcenter.common.Page;
import callcenter.common.PageRequest;
import callcenter.common.Roles;
import callcenter.sms.boundary.SmsService;
import callcenter.sms.boundary.SmsView;
import callcenter.web.RestApplication;

/** {@code GET /api/sms}: the received SMS, newest first, paged like {@code GET /api/calls}. */
@SecurityRequirement(name = RestApplication.BEARER)
@Path("sms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SmsResource {

    @Inject
    SmsService sms;

    @Inject
    Actor caller;

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public Page<SmsView> listSms(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return sms.list(PageRequest.of(limit, cursor), caller);
    }
}
