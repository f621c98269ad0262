package dev.campaignfn.functions.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dhatim.fastexcel.reader.CellType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.campaignfn.analytics.CampaignAnalytics;
import dev.campaignfn.analytics.CampaignComparison;
import dev.campaignfn.analytics.DashboardReport;
import dev.campaignfn.analytics.Grouping;
import dev.campaignfn.analytics.RangePreset;
import dev.campaignfn.analytics.ReportRequest;
import dev.campaignfn.export.ExportService;
import dev.campaignfn.metrics.Metric;
import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.tracking.EventDimension;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Every exported cell equals what the analytics services answer the API with for the same query
 * (CSV and XLSX read back with independent readers), in the seed's columns and in the order the
 * metrics parameter asks for; text a spreadsheet would run stays text.
 */
@QuarkusTest
class ExportContentTest {

    static final String EXPORT = "/v1/marketing/admin/analytics/export";

    @Inject
    ExportWorld world;

    @Inject
    CampaignAnalytics analytics;

    @Inject
    CampaignComparison comparison;

    @Inject
    DashboardReport dashboard;

    @BeforeEach
    void data() {
        world.build();
    }

    static ApiGateway.Request analyst() {
        return ApiGateway.as("analyst@example.com", "analyst");
    }

    static ReportRequest request(RangePreset range, Grouping grouping, List<Metric> metrics, EventDimension segmentBy) {
        return new ReportRequest(range, null, null, grouping, metrics, Map.of(), segmentBy, null, false);
    }

    static ExportFiles.Table read(ApiGateway.Response answer, String format) throws Exception {
        assertEquals(200, answer.status(), answer::toString);
        return "csv".equals(format) ? ExportFiles.csv(answer.bodyBytes()) : ExportFiles.xlsx(answer.bodyBytes());
    }

    @Test
    void theSeedsExportHasItsColumnsAndTheDailyReportsNumbers() throws Exception {
        for (UUID campaign : world.campaigns) {
            CampaignAnalytics.SeriesReport daily = analytics.daily(campaign, request(RangePreset.LAST_30_DAYS, Grouping.DAY,
                    ExportService.DEFAULT_METRICS, null));
            for (String format : List.of("csv", "excel")) {
                ApiGateway.Response answer = analyst().get(EXPORT + "?" + ApiGateway.query("campaign_id", campaign.toString(), "format", format,
                        "date_range", "30d"));
                String extension = "csv".equals(format) ? "csv" : "xlsx";
                assertEquals("attachment; filename=\"campaign_analytics_" + campaign + "_" + daily.context().period().startDate() + "."
                        + extension + "\"", answer.header("Content-Disposition"));
                assertTrue(answer.header("Content-Type").startsWith("csv".equals(format) ? "text/csv"
                        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), answer.header("Content-Type"));
                ExportFiles.Table table = read(answer, extension);
                assertEquals(List.of("Date", "Campaign Name", "Template Type", "Views", "Clicks", "Conversions", "Impressions",
                        "Click Through Rate (%)", "Conversion Rate (%)", "Spend", "Revenue", "CPA", "ROAS"), table.headers());
                assertEquals(daily.dailyStats().size(), table.rows().size(), "one row per day, empty days included");
                for (int i = 0; i < table.rows().size(); i++) {
                    List<Object> row = table.rows().get(i);
                    Map<String, Object> point = daily.dailyStats().get(i);
                    assertEquals(point.get("date"), ExportFiles.date(row.get(0)));
                    assertEquals(daily.campaign().name(), "csv".equals(format) ? unneutralised(row.get(1)) : row.get(1));
                    assertEquals("multichannel", row.get(2));
                    for (int m = 0; m < ExportService.DEFAULT_METRICS.size(); m++) {
                        assertSameNumber(point.get(ExportService.DEFAULT_METRICS.get(m).seriesField()), row.get(3 + m),
                                format + " " + table.headers().get(3 + m) + " on " + point.get("date"));
                    }
                }
                if ("excel".equals(format)) {
                    assertEquals(CellType.NUMBER, table.firstRowTypes().get(0), "dates are date cells");
                    assertEquals(CellType.NUMBER, table.firstRowTypes().get(3), "counts are numeric cells");
                    assertEquals(CellType.NUMBER, table.firstRowTypes().get(9), "money is numeric");
                    assertTrue(ExportFiles.sheetXml(answer.bodyBytes()).contains("state=\"frozen\""), "the header row is frozen");
                    String about = table.about().toString();
                    assertTrue(about.contains("Period, " + daily.context().period().startDate() + " to " + daily.context().period().endDate()),
                            about);
                    assertTrue(about.contains("Time zone, " + daily.context().timeZone()), about);
                    assertTrue(about.contains("Currency, EUR"), about);
                }
            }
        }
    }

    @Test
    void metricsChooseAndOrderTheColumnsAndGroupByBucketsThem() throws Exception {
        UUID campaign = world.campaigns.get(1);
        List<Metric> metrics = List.of(Metric.ROAS, Metric.CLICKS, Metric.CTR);
        CampaignAnalytics.SeriesReport weekly = analytics.daily(campaign, request(RangePreset.LAST_90_DAYS, Grouping.WEEK, metrics, null));
        ExportFiles.Table table = read(analyst().get(EXPORT + "?" + ApiGateway.query("campaign_id", campaign.toString(), "metrics",
                "roas,clicks,click_through_rate", "group_by", "week", "date_range", "90d")), "csv");
        assertEquals(List.of("Date", "Campaign Name", "Template Type", "ROAS", "Clicks", "Click Through Rate (%)"), table.headers());
        assertEquals(weekly.dailyStats().size(), table.rows().size());
        for (int i = 0; i < table.rows().size(); i++) {
            Map<String, Object> point = weekly.dailyStats().get(i);
            assertEquals(point.get("date"), LocalDate.parse(table.rows().get(i).get(0).toString()));
            for (int m = 0; m < metrics.size(); m++) {
                assertSameNumber(point.get(metrics.get(m).seriesField()), table.rows().get(i).get(3 + m), "week " + point.get("date"));
            }
        }
    }

    @Test
    void segmentedComparisonAndDashboardExportsEqualTheirReports() throws Exception {
        UUID campaign = world.campaigns.get(0);
        CampaignAnalytics.SegmentedReport segmented = analytics.segmented(campaign, request(RangePreset.LAST_30_DAYS, Grouping.WEEK,
                ExportService.DEFAULT_METRICS, EventDimension.CHANNEL));
        ExportFiles.Table segments = read(analyst().get(EXPORT + "?" + ApiGateway.query("report", "segmented", "campaign_id",
                campaign.toString(), "segment_by", "channel", "group_by", "week", "date_range", "30d", "format", "xlsx")), "xlsx");
        assertEquals("Channel", segments.headers().get(0));
        int row = 0;
        for (Map.Entry<String, List<Map<String, Object>>> segment : segmented.segmentedStats().entrySet()) {
            for (Map<String, Object> point : segment.getValue()) {
                List<Object> cells = segments.rows().get(row++);
                assertEquals(segment.getKey(), cells.get(0));
                assertEquals(point.get("date"), ExportFiles.date(cells.get(1)));
                for (int m = 0; m < ExportService.DEFAULT_METRICS.size(); m++) {
                    assertSameNumber(point.get(ExportService.DEFAULT_METRICS.get(m).seriesField()), cells.get(2 + m),
                            segment.getKey() + " " + point.get("date"));
                }
            }
        }
        assertEquals(row, segments.rows().size());

        String ids = world.campaigns.get(0) + "," + world.campaigns.get(1);
        CampaignComparison.ComparisonReport compared = comparison.compare(world.campaigns, request(RangePreset.LAST_30_DAYS, Grouping.DAY,
                ExportService.DEFAULT_METRICS, null));
        ExportFiles.Table table = read(analyst().get(EXPORT + "?" + ApiGateway.query("report", "comparison", "campaign_ids", ids,
                "date_range", "30d")), "csv");
        assertEquals(compared.comparison().size(), table.rows().size());
        for (int i = 0; i < compared.comparison().size(); i++) {
            CampaignComparison.ComparisonRow expected = compared.comparison().get(i);
            assertEquals(expected.campaignId().toString(), table.rows().get(i).get(0));
            for (int m = 0; m < ExportService.DEFAULT_METRICS.size(); m++) {
                assertSameNumber(expected.summary().value(ExportService.DEFAULT_METRICS.get(m)), table.rows().get(i).get(5 + m),
                        "comparison " + expected.campaignName());
            }
        }

        DashboardReport.Dashboard board = dashboard.dashboard(new DashboardReport.Selection(world.campaigns, java.util.Set.of(), null, null,
                null), request(RangePreset.LAST_30_DAYS, Grouping.DAY, ExportService.DEFAULT_METRICS, null));
        ExportFiles.Table campaigns = read(analyst().get(EXPORT + "?" + ApiGateway.query("report", "dashboard", "campaign_ids", ids)), "csv");
        assertEquals(board.topCampaigns().size(), campaigns.rows().size());
        for (int i = 0; i < board.topCampaigns().size(); i++) {
            DashboardReport.TopCampaign expected = board.topCampaigns().get(i);
            assertEquals(expected.campaignId().toString(), campaigns.rows().get(i).get(0), "the dashboard's order");
            assertSameNumber(expected.budget(), campaigns.rows().get(i).get(4), "budget");
            for (int m = 0; m < ExportService.DEFAULT_METRICS.size(); m++) {
                assertSameNumber(expected.summary().value(ExportService.DEFAULT_METRICS.get(m)), campaigns.rows().get(i).get(5 + m),
                        "dashboard " + expected.campaignName());
            }
        }

        ExportFiles.Table list = read(analyst().get(EXPORT + "?" + ApiGateway.query("report", "campaigns", "q", "formula")), "csv");
        assertEquals(1, list.rows().size(), "the list's filters apply");
        assertEquals(world.campaigns.get(0).toString(), list.rows().get(0).get(0));
    }

    @Test
    void textASpreadsheetWouldRunStaysText() throws Exception {
        UUID campaign = world.campaigns.get(0);
        ApiGateway.Response answer = analyst().get(EXPORT + "?" + ApiGateway.query("report", "segmented", "campaign_id",
                campaign.toString(), "segment_by", "audience_segment", "date_range", "90d", "bom", "true"));
        byte[] bytes = answer.bodyBytes();
        assertEquals(0xEF, bytes[0] & 0xFF, "a byte order mark when asked");
        ExportFiles.Table table = read(answer, "csv");
        java.util.Set<String> segments = new java.util.HashSet<>();
        table.rows().forEach(r -> segments.add(r.get(0).toString()));
        for (String sent : ExportWorld.HOSTILE) {
            String hostile = sent.strip(); // tracking strips surrounding whitespace; CsvWriterTest covers a leading tab or CR
            char first = hostile.charAt(0);
            boolean dangerous = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
            assertTrue(segments.contains(dangerous ? "'" + hostile : hostile), () -> hostile + " in " + segments);
        }
        assertTrue(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).contains("\"quote \"\"inside\"\"\""), "quotes doubled");
        // the campaign's own name starts with '=': neutralised in CSV, plain text in a workbook
        ExportFiles.Table csv = read(analyst().get(EXPORT + "?campaign_id=" + campaign), "csv");
        assertEquals("'=Formula Campaign", csv.rows().get(0).get(1));
        ExportFiles.Table xlsx = read(analyst().get(EXPORT + "?format=xlsx&campaign_id=" + campaign), "xlsx");
        assertEquals("=Formula Campaign", xlsx.rows().get(0).get(1));
        assertEquals(CellType.STRING, xlsx.firstRowTypes().get(1), "a string cell, never a formula");
    }

    private static Object unneutralised(Object cell) {
        String text = cell.toString();
        return text.startsWith("'=") ? text.substring(1) : text;
    }

    /** The same number (scale aside), or both empty: null in the API is an empty cell. */
    static void assertSameNumber(Object expected, Object cell, String what) {
        BigDecimal want = expected == null ? null : new BigDecimal(expected.toString());
        BigDecimal got = ExportFiles.number(cell);
        if (want == null || got == null) {
            assertEquals(want, got, what);
            return;
        }
        assertNotNull(got, what);
        assertEquals(0, want.compareTo(got), () -> what + ": expected " + want + ", exported " + got);
    }
}
