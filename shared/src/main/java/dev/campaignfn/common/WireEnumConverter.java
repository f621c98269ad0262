package dev.campaignfn.common;

import jakarta.persistence.AttributeConverter;

/** Stores a {@link WireEnum} by its wire spelling, so SQL reads like the API ({@code status = 'active'}). */
public abstract class WireEnumConverter<E extends Enum<E> & WireEnum> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WireEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.wire();
    }

    @Override
    public E convertToEntityAttribute(String column) {
        if (column == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equals(column)) {
                return constant;
            }
        }
        throw new IllegalStateException("unknown " + type.getSimpleName() + " in database: " + column);
    }
}
