package callcenter.providers.africastalking.control;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import callcenter.providers.ProviderException;

/**
 * AT's answer to {@code POST /call}: {@code {"entries":[{"phoneNumber","status","sessionId"}],"errorMessage":"None"}}.
 * {@code errorMessage} is the string {@code "None"} on success; anything else, or no queued entry, is a refusal.
 */
public record VoiceCall(List<Entry> entries) {

    /** One dialed number. */
    public record Entry(String phoneNumber, String status, String sessionId) {
        boolean queued() {
            return "Queued".equalsIgnoreCase(status) && sessionId != null && !sessionId.isBlank()
                    && !"None".equalsIgnoreCase(sessionId);
        }
    }

    static VoiceCall from(JsonObject answer) {
        String error = CapabilityToken.string(answer.get("errorMessage"));
        List<Entry> entries = new ArrayList<>();
        JsonValue raw = answer.get("entries");
        if (raw instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonObject e) {
                    entries.add(new Entry(CapabilityToken.string(e.get("phoneNumber")),
                            CapabilityToken.string(e.get("status")), CapabilityToken.string(e.get("sessionId"))));
                }
            }
        }
        if (error != null && !error.isBlank() && !"None".equalsIgnoreCase(error.trim())) {
            throw ProviderException.error(AtClient.PROVIDER, "Africa's Talking refused the call: " + error);
        }
        if (entries.stream().noneMatch(Entry::queued)) {
            String statuses = entries.isEmpty() ? "no entries"
                    : String.join(", ", entries.stream().map(e -> e.phoneNumber() + " " + e.status()).toList());
            throw ProviderException.error(AtClient.PROVIDER, "Africa's Talking did not queue the call: " + statuses);
        }
        return new VoiceCall(List.copyOf(entries));
    }

    /** The session of the first queued entry: the one our call follows. */
    public String sessionId() {
        return entries.stream().filter(Entry::queued).findFirst().map(Entry::sessionId).orElseThrow();
    }
}
