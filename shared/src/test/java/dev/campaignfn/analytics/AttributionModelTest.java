package dev.campaignfn.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The attribution models' shares of a journey's touches. */
class AttributionModelTest {

    private static final Instant CONVERSION = Instant.parse("2027-01-15T12:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    private static List<Instant> touches(int... daysBefore) {
        return java.util.Arrays.stream(daysBefore).mapToObj(d -> CONVERSION.minus(Duration.ofDays(d))).toList();
    }

    private static BigDecimal sum(List<BigDecimal> weights) {
        return weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void everyModelSharesOutExactlyOneConversion() {
        for (AttributionModel model : AttributionModel.values()) {
            for (int n = 1; n <= 7; n++) {
                int[] days = new int[n];
                for (int i = 0; i < n; i++) {
                    days[i] = 3 * (n - i);
                }
                assertEquals(0, BigDecimal.ONE.compareTo(sum(model.weights(touches(days), CONVERSION, WEEK))), model + " over " + n);
            }
        }
    }

    @Test
    void firstAndLastTouchGiveEverythingToOneEnd() {
        assertEquals(List.of(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO),
                AttributionModel.FIRST_TOUCH.weights(touches(9, 5, 1), CONVERSION, WEEK));
        assertEquals(0, BigDecimal.ONE.compareTo(AttributionModel.LAST_TOUCH.weights(touches(9, 5, 1), CONVERSION, WEEK).get(2)));
    }

    @Test
    void positionBasedGivesFortyToEachEndAndTwentyToTheMiddle() {
        List<BigDecimal> weights = AttributionModel.POSITION_BASED.weights(touches(9, 7, 5, 1), CONVERSION, WEEK);
        assertEquals(0, new BigDecimal("0.4").compareTo(weights.get(0)));
        assertEquals(0, new BigDecimal("0.1").compareTo(weights.get(1)));
        assertEquals(0, new BigDecimal("0.1").compareTo(weights.get(2)));
        assertEquals(0, new BigDecimal("0.4").compareTo(weights.get(3)));
    }

    @Test
    void timeDecayHalvesATouchsSharePerHalfLifeBeforeTheConversion() {
        List<BigDecimal> weights = AttributionModel.TIME_DECAY.weights(touches(14, 7, 0), CONVERSION, WEEK);
        // 1/4 : 1/2 : 1 of 1.75
        assertEquals(0.25 / 1.75, weights.get(0).doubleValue(), 1e-12);
        assertEquals(0.5 / 1.75, weights.get(1).doubleValue(), 1e-12);
        assertTrue(weights.get(2).compareTo(weights.get(1)) > 0);
    }
}
