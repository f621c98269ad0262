package dev.campaignfn.functions.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.testing.ApiGateway;

/**
 * The tests' own arithmetic, written from the definitions and nothing else: totals counted from the
 * events and ledger entries the test sent, rates as ratios of these sums rounded half-up to two
 * decimals, null for a zero denominator. Compared field by field with the API's answers.
 */
final class Expected {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Counted events, summed values; cost null when it cannot be told. */
    static final class Totals {
        long impressions;
        long views;
        long clicks;
        long conversions;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;

        Totals add(World.Sent e) {
            switch (e.type()) {
                case IMPRESSION -> impressions++;
                case VIEW -> views++;
                case CLICK -> clicks++;
                case CONVERSION -> {
                    conversions++;
                    revenue = revenue.add(e.value());
                }
            }
            return this;
        }

        BigDecimal ctr() {
            return ratio(BigDecimal.valueOf(clicks), BigDecimal.valueOf(impressions), HUNDRED);
        }

        BigDecimal cvr() {
            return ratio(BigDecimal.valueOf(conversions), BigDecimal.valueOf(clicks), HUNDRED);
        }

        BigDecimal cpc() {
            return ratio(cost, BigDecimal.valueOf(clicks), BigDecimal.ONE);
        }

        BigDecimal cpm() {
            return ratio(cost, BigDecimal.valueOf(impressions), BigDecimal.valueOf(1000));
        }

        BigDecimal cpa() {
            return ratio(cost, BigDecimal.valueOf(conversions), BigDecimal.ONE);
        }

        BigDecimal roas() {
            return ratio(revenue, cost, BigDecimal.ONE);
        }

        BigDecimal roi() {
            return cost == null ? null : ratio(revenue.subtract(cost), cost, HUNDRED);
        }

        BigDecimal aov() {
            return ratio(revenue, BigDecimal.valueOf(conversions), BigDecimal.ONE);
        }

        @Override
        public String toString() {
            return impressions + "/" + views + "/" + clicks + "/" + conversions + " revenue " + revenue + " cost " + cost;
        }
    }

    private Expected() {
    }

    static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator, BigDecimal factor) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.multiply(factor).divide(denominator, 2, RoundingMode.HALF_UP);
    }

    /** The events and ledger entries that pass the filters, summed. */
    static Totals totals(Collection<World.Sent> events, Predicate<World.Sent> event, Collection<World.Spent> spends,
            Predicate<World.Spent> spend, boolean costKnown) {
        Totals totals = new Totals();
        synchronized (events) {
            events.stream().filter(event).forEach(totals::add);
        }
        if (costKnown) {
            totals.cost = spends.stream().filter(spend).map(World.Spent::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        } else {
            totals.cost = null;
        }
        return totals;
    }

    static boolean within(java.time.Instant at, ZoneId zone, LocalDate first, LocalDate last) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        return !day.isBefore(first) && !day.isAfter(last);
    }

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The answer's body as a tree (read once: path lookups on it cost nothing). */
    static JsonNode json(ApiGateway.Response answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + answer, e);
        }
    }

    /** A summary object (seed 004's names) equals the totals. */
    static void assertSummary(JsonNode summary, Totals t, String context) {
        assertEquals(t.impressions, summary.path("total_impressions").asLong(-1), context + " impressions");
        assertEquals(t.views, summary.path("total_views").asLong(-1), context + " views");
        assertEquals(t.clicks, summary.path("total_clicks").asLong(-1), context + " clicks");
        assertEquals(t.conversions, summary.path("total_conversions").asLong(-1), context + " conversions");
        assertMoney(t.revenue, summary.get("total_revenue"), context + " revenue");
        assertMoney(t.cost, summary.get("total_spend"), context + " spend");
        assertMoney(t.ctr(), summary.get("click_through_rate"), context + " ctr");
        assertMoney(t.cvr(), summary.get("conversion_rate"), context + " cvr");
        assertMoney(t.cpc(), summary.get("cpc"), context + " cpc");
        assertMoney(t.cpc(), summary.get("cpr"), context + " cpr (seed 000's cost per result: per click)");
        assertMoney(t.cpm(), summary.get("cpm"), context + " cpm");
        assertMoney(t.cpa(), summary.get("cpa"), context + " cpa");
        assertMoney(t.roas(), summary.get("roas"), context + " roas");
        assertMoney(t.roi(), summary.get("roi"), context + " roi");
        assertMoney(t.aov(), summary.get("aov"), context + " aov");
    }

    /** A series point (every metric) equals the totals. */
    static void assertPoint(JsonNode point, Totals t, String context) {
        assertEquals(t.impressions, point.path("impressions").asLong(-1), context + " impressions");
        assertEquals(t.views, point.path("views").asLong(-1), context + " views");
        assertEquals(t.clicks, point.path("clicks").asLong(-1), context + " clicks");
        assertEquals(t.conversions, point.path("conversions").asLong(-1), context + " conversions");
        assertMoney(t.revenue, point.get("revenue"), context + " revenue");
        assertMoney(t.cost, point.get("spend"), context + " spend");
        assertMoney(t.ctr(), point.get("click_through_rate"), context + " ctr");
        assertMoney(t.cvr(), point.get("conversion_rate"), context + " cvr");
        assertMoney(t.cpc(), point.get("cpc"), context + " cpc");
        assertMoney(t.cpc(), point.get("cpr"), context + " cpr");
        assertMoney(t.cpm(), point.get("cpm"), context + " cpm");
        assertMoney(t.cpa(), point.get("cpa"), context + " cpa");
        assertMoney(t.roas(), point.get("roas"), context + " roas");
        assertMoney(t.roi(), point.get("roi"), context + " roi");
        assertMoney(t.aov(), point.get("aov"), context + " aov");
        assertMoney(null, point.get("clv"), context + " clv: a figure of the campaign's customers, not of a bucket");
    }

    /** Equal as numbers (12.5 = 12.50), or both null; a missing field is a failure. */
    static void assertMoney(BigDecimal expected, JsonNode actual, String context) {
        if (actual == null || actual.isMissingNode()) {
            throw new AssertionError(context + ": the field is missing");
        }
        if (expected == null || actual.isNull()) {
            assertEquals(expected == null, actual.isNull(), () -> context + ": expected " + expected + " but was " + actual);
            return;
        }
        BigDecimal value = actual.decimalValue();
        assertEquals(0, expected.compareTo(value), () -> context + ": expected " + expected + " but was " + value);
    }
}
