package dev.campaignfn.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.common.WireEnum;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How a conversion's credit is shared among the touches that led to it (oldest first). Weights sum
 * to exactly one: the last weight takes whatever rounding left.
 */
@RegisterForReflection
public enum AttributionModel implements WireEnum {
    /** All to the first touch. */
    FIRST_TOUCH,
    /** All to the last touch. */
    LAST_TOUCH,
    /** Equal shares. */
    LINEAR,
    /** Each touch weighs 2^(-age / half-life), age measured back from the conversion. */
    TIME_DECAY,
    /** 40% to the first, 40% to the last, 20% shared by the ones between (one touch: all; two: half each). */
    POSITION_BASED;

    static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final BigDecimal FORTY = new BigDecimal("0.4");
    private static final BigDecimal TWENTY = new BigDecimal("0.2");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    /** The share of each touch, in the order given (oldest first); at least one touch. */
    public List<BigDecimal> weights(List<Instant> touches, Instant conversion, Duration halfLife) {
        int n = touches.size();
        List<BigDecimal> weights = new ArrayList<>(n);
        switch (this) {
            case FIRST_TOUCH -> {
                for (int i = 0; i < n; i++) {
                    weights.add(i == 0 ? BigDecimal.ONE : BigDecimal.ZERO);
                }
            }
            case LAST_TOUCH -> {
                for (int i = 0; i < n; i++) {
                    weights.add(i == n - 1 ? BigDecimal.ONE : BigDecimal.ZERO);
                }
            }
            case LINEAR -> {
                BigDecimal share = BigDecimal.ONE.divide(BigDecimal.valueOf(n), PRECISION);
                for (int i = 0; i < n; i++) {
                    weights.add(share);
                }
            }
            case TIME_DECAY -> {
                double[] raw = new double[n];
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double age = Duration.between(touches.get(i), conversion).toMillis() / (double) halfLife.toMillis();
                    raw[i] = Math.pow(2, -age);
                    sum += raw[i];
                }
                for (int i = 0; i < n; i++) {
                    weights.add(new BigDecimal(raw[i] / sum, PRECISION));
                }
            }
            case POSITION_BASED -> {
                if (n == 1) {
                    weights.add(BigDecimal.ONE);
                } else if (n == 2) {
                    weights.add(HALF);
                    weights.add(HALF);
                } else {
                    BigDecimal middle = TWENTY.divide(BigDecimal.valueOf(n - 2L), PRECISION);
                    weights.add(FORTY);
                    for (int i = 1; i < n - 1; i++) {
                        weights.add(middle);
                    }
                    weights.add(FORTY);
                }
            }
        }
        BigDecimal others = BigDecimal.ZERO;
        for (int i = 0; i < n - 1; i++) {
            others = others.add(weights.get(i));
        }
        weights.set(n - 1, BigDecimal.ONE.subtract(others));
        return weights;
    }
}
