package dev.campaignfn.common;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * The one way the API reads an instant: an RFC 3339 date-time ({@code 2026-03-01T09:00:00Z}, seconds and an offset
 * required), nothing else. Epoch numbers, {@code "1700000000"}, six-digit years and dates without an offset are
 * refused rather than guessed; the four-digit year also keeps every instant inside PostgreSQL's timestamptz range.
 */
public final class Rfc3339 {

    public static final String EXPECTED = "an RFC 3339 date-time with offset, such as 2026-03-01T09:00:00Z";

    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Rfc3339() {
    }

    /** The instant {@code text} spells, or null when it is not an RFC 3339 date-time. */
    public static Instant instant(String text) {
        if (text == null || !DATE_TIME.matcher(text).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant();
        } catch (DateTimeParseException e) {
            return null; // 2026-02-30, 25:00, an offset beyond 18 hours
        }
    }

    /** The day {@code text} spells as RFC 3339's full-date ({@code 2026-03-01}), or null. */
    public static LocalDate date(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A date-time, or a full-date meaning its first instant in UTC (how query parameters take periods), or null. */
    public static Instant instantOrDate(String text) {
        Instant instant = instant(text);
        if (instant != null) {
            return instant;
        }
        LocalDate date = date(text);
        return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Reads API bodies' instants with {@link #instant}: a wrong shape is a field error naming what is expected. */
    public static final class InstantDeserializer extends StdScalarDeserializer<Instant> {

        private static final long serialVersionUID = 1L;

        public InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            Instant instant = instant(text);
            if (instant == null) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not " + EXPECTED);
            }
            return instant;
        }
    }
}
