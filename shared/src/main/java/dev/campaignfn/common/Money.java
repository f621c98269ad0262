package dev.campaignfn.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in a currency's minor units: two decimals, as NUMERIC(14,2) keeps them. */
public final class Money {

    public static final int SCALE = 2;
    /** What NUMERIC(14,2) holds, said the way a caller understands it. */
    public static final String DIGITS_RULE = "must have at most 12 integer digits and 2 decimals";

    private Money() {
    }

    /** Whether NUMERIC(14,2) holds {@code amount} as it is, and it is not negative: what {@link #DIGITS_RULE} says. */
    public static boolean fits(BigDecimal amount) {
        return amount.signum() >= 0 && amount.scale() <= SCALE && amount.precision() - amount.scale() <= 12;
    }

    /** 1000 becomes 1000.00; callers have already refused more than two decimals. */
    public static BigDecimal of(BigDecimal amount) {
        return amount == null ? null : amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}
