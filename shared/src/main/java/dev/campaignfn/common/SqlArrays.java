package dev.campaignfn.common;

/**
 * Array parameters: one parameter stands for any number of values, so a statement's text (and plan)
 * does not depend on how many there are.
 * <ul>
 * <li>{@link #literal}: a PostgreSQL array literal ({"a","b",NULL}) bound as text and cast in the
 * statement ({@code ?::uuid[]}). Built in one pass, it costs a fraction of the driver's array objects,
 * which matters for the 25 columns of a 500-event insert; but text-to-array input is not a constant
 * for the planner, so it is parsed again wherever it is used per row. For inserts (unnest once) only.</li>
 * <li>{@link #typed}: sent with its array type, parsed once when bound; for reads, where an array
 * is compared or bucketed against every row.</li>
 * </ul>
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

    /** An array parameter of the given element type (uuid, date, timestamptz, text), values written with toString. */
    public static java.sql.Array typed(java.sql.Connection connection, String type, java.util.Collection<?> values)
            throws java.sql.SQLException {
        return connection.createArrayOf(type, values.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new));
    }
}
