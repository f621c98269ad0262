package dev.campaignfn.common;

/**
 * PostgreSQL array literals ({"a","b",NULL}) for one parameter cast in the statement
 * ({@code ?::uuid[]}): built in one pass, they cost a fraction of the driver's general-purpose array
 * objects, and one parameter stands for any number of values, so a statement's text (and plan) does
 * not depend on how many there are.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** Strings are quoted and escaped; anything else is written with toString (UUIDs, numbers, dates, instants). */
    public static String literal(Object[] values) {
        StringBuilder literal = new StringBuilder(values.length * 24).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            Object value = values[i];
            if (value == null) {
                literal.append("NULL");
            } else if (value instanceof String text) {
                literal.append('"');
                for (int c = 0; c < text.length(); c++) {
                    char ch = text.charAt(c);
                    if (ch == '"' || ch == '\\') {
                        literal.append('\\');
                    }
                    literal.append(ch);
                }
                literal.append('"');
            } else {
                literal.append(value);
            }
        }
        return literal.append('}').toString();
    }

    public static String literal(java.util.Collection<?> values) {
        return literal(values.toArray());
    }
}
