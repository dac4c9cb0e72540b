package callcenter.web.sms;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import callcenter.common.Actor;
import callcenter.common.JsonP;
import callcenter.common.Page;
import callcenter.common.PageRequest;
import callcenter.common.Roles;
import callcenter.sms.boundary.SmsService;
import callcenter.sms.boundary.SmsView;

/** {@code GET /api/sms}: the received SMS, newest first, paged like {@code GET /api/calls}. */
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
    public JsonObject listSms(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return page(sms.list(PageRequest.of(limit, cursor), caller));
    }

    private static JsonObject page(Page<SmsView> page) {
        JsonArrayBuilder items = JsonP.createArrayBuilder();
        for (SmsView m : page.items()) {
            JsonObjectBuilder item = JsonP.createObjectBuilder().add("id", m.id().toString());
            nullable(item, "from", m.from());
            nullable(item, "to", m.to());
            item.add("text", m.text()).add("receivedAt", m.receivedAt());
            items.add(item);
        }
        JsonObjectBuilder json = JsonP.createObjectBuilder().add("items", items);
        nullable(json, "nextCursor", page.nextCursor());
        return json.build();
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
