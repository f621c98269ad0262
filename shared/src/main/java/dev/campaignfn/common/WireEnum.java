package dev.campaignfn.common;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An enum whose API and database spelling is its lower-case name ({@code paid_search}), the way the
 * seeds spell them. Jackson reads and writes {@link #wire()}; {@link WireEnumConverter} stores it.
 * <p>
 * This interface and every enum implementing it are registered for reflection: Jackson finds {@code wire()}
 * by reflection, and in a native image an unregistered enum is written by its constant's name wherever the
 * REST layer did not register it itself (a queued export's query, jsonb columns). {@code WireEnumRegistrationTest} checks it.
 */
@RegisterForReflection
public interface WireEnum {

    @JsonValue
    default String wire() {
        Enum<?> constant = (Enum<?>) this;
        return WireSpellings.OF.get(constant.getDeclaringClass())[constant.ordinal()];
    }

    /** Parses a query parameter or path segment; an unknown value is a 400 naming the parameter. */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String value, String parameter) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equals(value)) {
                return constant;
            }
        }
        throw ValidationException.of(parameter, "must be one of " + allowed(type) + ", not '" + value + "'");
    }

    static <E extends Enum<E> & WireEnum> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).collect(Collectors.joining(", ", "[", "]"));
    }
}
