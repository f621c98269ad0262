package dev.campaignfn.common;

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
