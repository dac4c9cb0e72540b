package callcenter.agents.entity;

/**
 * Why the server set an agent {@code away} (api.md section 8), the {@code reason} of {@code agents:list} and
 * {@code agent:updated}; stored in {@code agent_presence.away_reason}, whose check constraint allows exactly these.
 */
public final class AwayReason {

    /** The page has no microphone permission. */
    public static final String MICROPHONE = "microphone";
    /** The page cannot play audio yet: no user gesture unlocked it, so the ring would be silent. */
    public static final String AUDIO = "audio";
    /** Two one-at-a-time offers in a row timed out. */
    public static final String UNRESPONSIVE = "unresponsive";

    private AwayReason() {
    }

    /**
     * What an {@code agent:ready} report says the page lacks, microphone first: null when it can take a call.
     *
     * @param microphone the permission state: {@code granted}, {@code denied} or {@code prompt}
     * @param audio      whether audio can play
     */
    public static String lacking(String microphone, boolean audio) {
        if (!"granted".equals(microphone)) {
            return MICROPHONE;
        }
        return audio ? null : AUDIO;
    }

    /** A reason that an {@code agent:ready} saying the page can take a call clears. */
    static boolean isReadiness(String reason) {
        return MICROPHONE.equals(reason) || AUDIO.equals(reason);
    }
}
