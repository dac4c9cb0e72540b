package callcenter.common;

/** Rules for text that comes from outside and may be stored. */
public final class Text {

    /** The message of a field that holds such a character. */
    public static final String UNSTORABLE = "must not contain NUL or unpaired surrogate characters";

    private Text() {
    }

    /**
     * Whether a string can be stored as text: PostgreSQL refuses NUL, and an unpaired surrogate (legal in a JSON
     * escape) is no character at all. Found at the edge, it is the sender's 400, not the database's 500.
     */
    public static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
