package callcenter.providers.africastalking.boundary;

import java.io.StringReader;

import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import callcenter.common.JsonP;
import callcenter.idempotency.boundary.IdempotencyRecords;
import callcenter.idempotency.boundary.RequestHash;
import callcenter.providers.CarrierReplays;
import callcenter.providers.africastalking.control.AtClient;

/**
 * make-call under an Idempotency-Key: the fingerprint of a request, and the first answer as it is stored and then
 * given again to a retry (the same call, or the same carrier error naming the call).
 */
final class MakeCallReplays {

    /** Created on first use, not per request. */
    private static final class Binding {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    private MakeCallReplays() {
    }

    /**
     * The fingerprint of the parsed request (api.md section 1: "the same parsed JSON"), so that a seed name such as
     * {@code from_}, spacing or member order make no difference, and any changed value does.
     */
    static String fingerprint(String operation, MakeCall request) {
        return RequestHash.of(operation, request);
    }

    /** JSON-B's form of {@code value} as JSON-P, for timeline entries and fingerprints. */
    static JsonValue json(Object value) {
        return parse(Binding.JSONB.toJson(value));
    }

    private static JsonValue parse(String json) {
        try (JsonReader reader = JsonP.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    static String stored(MadeCall answer) {
        return Binding.JSONB.toJson(answer);
    }

    /** The first request's answer again: its call, or its carrier error with its call id. */
    static MadeCall replay(IdempotencyRecords.Claim claim) {
        if (CarrierReplays.wasRefused(claim)) {
            throw CarrierReplays.again(AtClient.PROVIDER, claim);
        }
        String body = claim.body() == null ? "{}" : claim.body();
        return MadeCall.WEBRTC.equals(parse(body).asJsonObject().getString("callType", null))
                ? Binding.JSONB.fromJson(body, MadeCall.WebRtc.class)
                : Binding.JSONB.fromJson(body, MadeCall.Voice.class);
    }
}
