package dev.campaignfn.analytics;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/**
 * The zone an answer's days are in. One campaign: its reporting zone, or {@code tz}. Several: {@code tz}
 * when given (every campaign re-bucketed in it); else their zone when they share one; else each
 * campaign counts its own days (a date means each campaign's own day of that date), and "today" is
 * the UTC date.
 */
public record ReportZone(ZoneId override, ZoneId today, String label, List<String> zones) {

    public static ReportZone of(ZoneId override, Collection<ZoneId> campaignZones) {
        if (override != null) {
            return new ReportZone(override, override, override.getId(), null);
        }
        List<String> distinct = campaignZones.stream().map(ZoneId::getId).distinct().sorted().toList();
        if (distinct.size() == 1) {
            ZoneId only = ZoneId.of(distinct.get(0));
            return new ReportZone(null, only, only.getId(), null);
        }
        return new ReportZone(null, ZoneOffset.UTC, ReportContext.PER_CAMPAIGN_ZONE, distinct.isEmpty() ? null : distinct);
    }
}
