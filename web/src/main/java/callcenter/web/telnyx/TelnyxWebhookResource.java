package callcenter.web.telnyx;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import callcenter.providers.telnyx.boundary.TelnyxWebhooks;

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

    @Inject
    TelnyxWebhooks webhooks;

    // Method names are the OpenAPI operationIds (operationIdStrategy=METHOD): unique across the application.
    @POST
    @Path("voice")
    public Received telnyxVoice(byte[] body, @HeaderParam(TIMESTAMP) String timestamp,
                                @HeaderParam(SIGNATURE) String signature) {
        webhooks.voice(body == null ? new byte[0] : body, timestamp, signature);
        return Received.TRUE;
    }

    @POST
    @Path("sms")
    public Received telnyxSms(byte[] body, @HeaderParam(TIMESTAMP) String timestamp,
                              @HeaderParam(SIGNATURE) String signature) {
        webhooks.sms(body == null ? new byte[0] : body, timestamp, signature);
        return Received.TRUE;
    }
}
