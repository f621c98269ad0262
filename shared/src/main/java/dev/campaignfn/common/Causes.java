package dev.campaignfn.common;

/** The one walk down an exception's cause chain (a cause that is its own cause ends it). */
public final class Causes {

    private Causes() {
    }

    /** The first of {@code error} and its causes that is a {@code type}, or null. */
    public static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** Whether {@code error} or one of its causes matches {@code test}. */
    public static boolean any(Throwable error, java.util.function.Predicate<Throwable> test) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }
}
