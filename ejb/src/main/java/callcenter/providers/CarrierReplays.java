package callcenter.providers;

import java.io.StringReader;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import callcenter.common.CallCenterException;
import callcenter.common.JsonP;
import callcenter.idempotency.boundary.IdempotencyRecords;

/**
 * A carrier's refusal under an Idempotency-Key, as it is stored with the key and given again to a retry (api.md
 * section 1: the first answer's error status and problem, naming the call), for every endpoint that dials.
 */
public final class CarrierReplays {

    private CarrierReplays() {
    }

    /** What is kept of a refusal: its status and its words; the call id is kept by the record itself. */
    public static String stored(ProviderException refusal) {
        return JsonP.createObjectBuilder().add("status", refusal.status()).add("detail", refusal.detail()).build()
                .toString();
    }

    /**
     * A dial under a fresh claim failed: a carrier's refusal (or timeout) becomes the key's answer, replayed to every
     * retry; any other failure frees the key so that it can be used again. Answers the failure, to be rethrown.
     */
    public static RuntimeException settle(IdempotencyRecords idempotency, String principal, String key, UUID callId,
                                          RuntimeException failure) {
        if (failure instanceof ProviderException refusal) {
            refusal.with("callId", callId);
            if (key != null) {
                idempotency.complete(principal, key, refusal.status(), callId, stored(refusal));
            }
        } else if (key != null) {
            idempotency.release(principal, key);
        }
        return failure;
    }

    /** Whether the first request under this key was refused by the carrier (or timed out). */
    public static boolean wasRefused(IdempotencyRecords.Claim claim) {
        return claim.status() != null && claim.status() >= 400;
    }

    /** The first request's refusal again, with the same status and words, naming its call. */
    public static CallCenterException again(String provider, IdempotencyRecords.Claim claim) {
        String detail = provider + " refused the call";
        if (claim.body() != null) {
            try (JsonReader reader = JsonP.createReader(new StringReader(claim.body()))) {
                JsonObject stored = reader.readObject();
                detail = stored.getString("detail", detail);
            }
        }
        ProviderException refusal = claim.status() == 504 ? ProviderException.timeout(provider, detail)
                : ProviderException.error(provider, detail);
        return refusal.with("callId", claim.callId());
    }
}
