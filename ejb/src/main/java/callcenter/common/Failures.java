package callcenter.common;

/** What a chain of wrapped exceptions comes down to, for messages that name the real reason. */
public final class Failures {

    private Failures() {
    }

    /** The innermost cause ({@code failure} itself when it has none). */
    public static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The innermost cause as "SimpleName: message" (without the message when it has none). */
    public static String rootReason(Throwable failure) {
        Throwable root = root(failure);
        return root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
