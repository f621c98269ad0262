package dev.campaignfn.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rollups' measure columns are spelled from one list, in one order, everywhere. */
class MeasureTest {

    @Test
    void everyListNamesTheSameColumnsInTheSameOrder() {
        assertEquals("impressions, views, clicks, conversions, revenue, spend", Measure.columns());
        assertEquals("sum(impressions) as impressions, sum(views) as views, sum(clicks) as clicks, sum(conversions) as conversions, "
                + "sum(revenue) as revenue, sum(spend) as spend", Measure.sums());
        assertEquals("0 as impressions, 0 as views, 0 as clicks, 0 as conversions, 0 as revenue, sum(amount) as spend",
                Measure.ofSpendArm());
        assertTrue(Measure.ofEventsArm().endsWith("coalesce(sum(value) filter (where event_type = 'conversion'), 0) as revenue, 0 as spend"));
        assertEquals("impressions = t.impressions + excluded.impressions, views = t.views + excluded.views, "
                + "clicks = t.clicks + excluded.clicks, conversions = t.conversions + excluded.conversions, "
                + "revenue = t.revenue + excluded.revenue", Measure.addedTo("t"));
    }

    @Test
    void theFoldAndTheReadsUseThem() {
        for (Measure measure : Measure.OF_EVENTS) {
            assertTrue(RollupFolder.FOLD_HOURLY.contains(" as " + measure.column), measure + " in the hourly fold");
            assertTrue(RollupFolder.FOLD_DAILY.contains(" as " + measure.column), measure + " in the daily fold");
        }
        assertTrue(EventTotals.LIFETIME.contains(Measure.sums()));
    }
}
