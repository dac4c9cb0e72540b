package callcenter.providers.africastalking.control;

import java.util.List;

/** The ActionXML documents this platform answers AT's voice callbacks with. */
public final class ActionXml {

    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>";
    static final String TAIL = "</Response>";
    public static final String NOBODY_AVAILABLE = "Sorry, nobody is available to take your call right now."
            + " Please try again later.";

    private ActionXml() {
    }

    /** Rings all {@code phoneNumbers} at once; the first to pick up gets the call. */
    public static String dial(List<String> phoneNumbers, String callerId) {
        StringBuilder xml = new StringBuilder(HEAD).append("<Dial phoneNumbers=\"")
                .append(escape(String.join(",", phoneNumbers))).append('"');
        if (callerId != null) {
            xml.append(" callerId=\"").append(escape(callerId)).append('"');
        }
        return xml.append("/>").append(TAIL).toString();
    }

    public static String say(String text) {
        return HEAD + "<Say>" + escape(text) + "</Say>" + TAIL;
    }

    public static String reject() {
        return HEAD + "<Reject/>" + TAIL;
    }

    /** Nothing to do: the answer to a final callback, which AT ignores. */
    public static String empty() {
        return HEAD + TAIL;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
