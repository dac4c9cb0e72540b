package callcenter.web.webhooks;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import callcenter.common.JsonP;
import callcenter.providers.telnyx.TelnyxService;

/**
 * Telnyx webhooks: {@code POST /webhooks/voice} and {@code POST /webhooks/sms}. The body is taken as raw bytes,
 * because the ed25519 signature covers exactly the bytes Telnyx sent; a re-serialized body would not verify.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TelnyxWebhookResource {

    static final String SIGNATURE = "telnyx-signature-ed25519";
    static final String TIMESTAMP = "telnyx-timestamp";
    private static final JsonObject RECEIVED = JsonP.createObjectBuilder().add("received", true).build();

    @Inject
    TelnyxService telnyx;

    // Method names are the OpenAPI operationIds (operationIdStrategy=METHOD): unique across the application.
    @POST
    @Path("voice")
    public JsonObject telnyxVoice(byte[] body, @HeaderParam(TIMESTAMP) String timestamp,
                                  @HeaderParam(SIGNATURE) String signature) {
        telnyx.voiceWebhook(body == null ? new byte[0] : body, timestamp, signature);
        return RECEIVED;
    }

    @POST
    @Path("sms")
    public JsonObject telnyxSms(byte[] body, @HeaderParam(TIMESTAMP) String timestamp,
                                @HeaderParam(SIGNATURE) String signature) {
        telnyx.smsWebhook(body == null ? new byte[0] : body, timestamp, signature);
        return RECEIVED;
    }
}
