package dev.campaignfn.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.campaignfn.common.Rfc3339;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.common.WireEnum;

/**
 * Reads path and query parameters so that a malformed one is a 400 naming it, not the 404 that
 * JAX-RS gives a path parameter it cannot convert.
 */
public final class Params {

    private Params() {
    }

    public static UUID uuid(String value, String name) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of(name, "is required");
        }
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(name, "must be a UUID, not '" + abbreviate(value) + "'");
        }
    }

    public static UUID optionalUuid(String value, String name) {
        return value == null || value.isBlank() ? null : uuid(value, name);
    }

    public static int integer(String value, String name, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw ValidationException.of(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ValidationException.of(name, "must be a whole number, not '" + abbreviate(value) + "'");
        }
    }

    /** An RFC 3339 date-time, or a plain date meaning its first instant in UTC. */
    public static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant = Rfc3339.instantOrDate(value.strip());
        if (instant == null) {
            throw ValidationException.of(name, "must be an RFC 3339 date-time (2026-03-01T00:00:00Z) or a date (2026-03-01)");
        }
        return instant;
    }

    public static boolean bool(String value, String name, boolean defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ValidationException.of(name, "must be true or false");
        };
    }

    public static <E extends Enum<E> & WireEnum> E oneOf(Class<E> type, String value, String name, E defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return WireEnum.parse(type, value.strip(), name);
    }

    /** A comma-separated list ({@code status=active,paused}); repeated parameters are read too. */
    public static <E extends Enum<E> & WireEnum> List<E> listOf(Class<E> type, List<String> values, String name) {
        List<E> parsed = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    parsed.add(WireEnum.parse(type, part.strip(), name));
                }
            }
        }
        return parsed;
    }

    public static String text(String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ValidationException.of(name, "must be at most " + maxLength + " characters");
        }
        return value.strip();
    }

    private static String abbreviate(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }
}
