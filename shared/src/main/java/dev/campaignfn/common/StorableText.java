package dev.campaignfn.common;

/**
 * Which text the API accepts: everything PostgreSQL can store exactly and give back unchanged. A NUL
 * (U+0000) is refused by PostgreSQL's text types, and a lone UTF-16 surrogate cannot be written as UTF-8 (the driver
 * stores '?'), so both are refused up front with the field named; so are the other C0 control characters, which no
 * marketing text needs, except tab, line feed and carriage return.
 */
public final class StorableText {

    private StorableText() {
    }

    /** What is wrong with {@code text}, or null when it can be stored as it is. */
    public static String problem(CharSequence text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "must not contain the control character " + codePoint(c);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain a lone surrogate (" + codePoint(c) + "): it is not a character";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain a lone surrogate (" + codePoint(c) + "): it is not a character";
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
