package dev.campaignfn.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * How jsonb columns (reports, configurations, rule definitions) are read and written: decimals stay
 * BigDecimal, so 10.00 of money is still 10.00 when read back, and instants are ISO strings.
 */
@JsonFormat
@PersistenceUnitExtension
public class DatabaseJson implements FormatMapper {

    /** The same conventions for jsonb written or read with plain JDBC (alerts, rule runs). */
    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final ObjectMapper mapper = MAPPER;

    /**
     * The value as a jsonb column gives it back: a decimal 5 is read back as the integer 5. An entity attribute set to
     * anything else never equals the copy Hibernate keeps of it, so every flush wrote the row again and raised its
     * version (a rule answered ETag "1" and was stored at 2).
     */
    @SuppressWarnings("unchecked")
    public static <T> T canonical(T value) {
        if (value == null) {
            return null;
        }
        try {
            // read as the column's attribute types are (a Map.of() or List.of() has no constructor to read into)
            Class<?> type = value instanceof Map ? LinkedHashMap.class : value instanceof List ? ArrayList.class : value.getClass();
            return (T) MAPPER.readValue(MAPPER.writeValueAsString(value), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written to a jsonb column", e);
        }
    }

    @Override
    public <T> T fromString(CharSequence json, JavaType<T> type, WrapperOptions options) {
        try {
            return mapper.readValue(json.toString(), mapper.constructType(type.getJavaType()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable JSON in a jsonb column", e);
        }
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        try {
            return mapper.writerFor(mapper.constructType(type.getJavaType())).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written to a jsonb column", e);
        }
    }
}
