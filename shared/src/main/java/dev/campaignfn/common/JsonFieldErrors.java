package dev.campaignfn.common;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * What a JSON body's reading failure says to the caller: the field, as the API spells it, and what is wrong with it
 * in the API's words. Jackson's own messages name Java types, coercion settings and feature flags; they are never
 * passed on. One place for the problem answers of every route and the per-event rejections of a tracking batch.
 */
public final class JsonFieldErrors {

    private JsonFieldErrors() {
    }

    public static List<FieldError> of(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof ValidationException rule) {
            return rule.errors(); // a record's own check, written for the caller (ReportRequest's period, for example)
        }
        return List.of(one(e));
    }

    private static FieldError one(JsonProcessingException e) {
        RejectedTextException text = Causes.find(e, RejectedTextException.class);
        if (text != null) {
            return new FieldError(text.field(), text.reason());
        }
        if (e instanceof StreamConstraintsException limit) {
            return new FieldError("body", limit(limit));
        }
        if (e instanceof JsonParseException parse) {
            return new FieldError("body", "is not valid JSON (" + location(parse) + ")");
        }
        String field = e instanceof JsonMappingException mapping ? FieldPaths.of(mapping.getPath()) : "body";
        if (e instanceof PropertyBindingException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds() == null ? List.of() : unknown.getKnownPropertyIds();
            return new FieldError(field, "is not a property of this request; known: "
                    + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ", "[", "]")));
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum() && WireEnum.class.isAssignableFrom(target)) {
                return new FieldError(field, "must be " + describe(target) + ", not '" + format.getValue() + "'");
            }
            return new FieldError(field, "must be " + describe(target) + ", not " + quoted(format.getValue()));
        }
        if (e instanceof MismatchedInputException mismatched) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("No content to map")) {
                return new FieldError("body", "a JSON body is required");
            }
            return new FieldError(field, mismatched.getTargetType() == null ? "has the wrong type"
                    : "must be " + describe(mismatched.getTargetType()));
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() instanceof IllegalArgumentException rule) {
            return new FieldError(field, rule.getMessage());
        }
        if (e instanceof JsonMappingException) {
            return new FieldError(field, "is not valid here");
        }
        return new FieldError("body", "could not be read as JSON");
    }

    private static String limit(StreamConstraintsException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.contains("nesting depth")) {
            return "nests arrays and objects too deeply";
        }
        if (message.contains("Number value length") || message.contains("Number length")) {
            return "holds a number with too many digits";
        }
        if (message.contains("String value length") || message.contains("String length")) {
            return "holds a string that is too long";
        }
        if (message.contains("Name length")) {
            return "holds a property name that is too long";
        }
        return "breaks a JSON size limit";
    }

    /** Where the body stops being JSON, and what was expected there; without Jackson's source description. */
    private static String location(JsonParseException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        int source = message.indexOf("[Source:");
        if (source >= 0) {
            int open = message.lastIndexOf('(', source);
            message = message.substring(0, open >= 0 ? open : source);
        }
        message = message.replaceAll("`[^`]*`", "").replaceAll("\\s+", " ").strip();
        return e.getLocation() == null ? message
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + message;
    }

    private static String quoted(Object value) {
        return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == java.math.BigDecimal.class || Number.class.isAssignableFrom(type) || type == int.class
                || type == long.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.Instant.class) {
            return Rfc3339.EXPECTED;
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        if (type.isEnum() && WireEnum.class.isAssignableFrom(type)) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((WireEnum) c).wire())
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        return "a value of another type";
    }
}
