package callcenter.web.telnyx;

/** The Telnyx endpoints take a blank field as an absent one (as the seed did), and trim what they keep. */
final class Blank {

    private Blank() {
    }

    static String asAbsent(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
