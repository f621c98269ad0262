package dev.campaignfn.functions.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.alert.AlertDelivery;
import dev.campaignfn.alert.AlertService;
import dev.campaignfn.alert.WebhookCommand;
import dev.campaignfn.budget.BudgetLedger;
import dev.campaignfn.budget.SpendCommand;
import dev.campaignfn.budget.SpendEntryType;
import dev.campaignfn.campaign.CampaignType;
import dev.campaignfn.common.Actor;
import dev.campaignfn.export.ExportJobs;
import dev.campaignfn.lifecycle.CampaignCommand;
import dev.campaignfn.lifecycle.CampaignLifecycle;
import dev.campaignfn.lifecycle.CampaignService;
import dev.campaignfn.report.ReportFrequency;
import dev.campaignfn.report.ReportSchedules;
import dev.campaignfn.report.ReportScope;
import dev.campaignfn.report.ScheduleCommand;
import dev.campaignfn.testing.Bounded;
import dev.campaignfn.testing.Rows;
import dev.campaignfn.testing.ScheduleEvents;
import dev.campaignfn.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Scheduled reports through the exports handler's Lambda path: the last complete week is queued once
 * (also with two invocations at once), its file written, and the report announced to the schedule's own
 * webhooks, JSON and Slack, through the alert outbox; the next week is delivered when it is over.
 */
@QuarkusTest
@TestProfile(ScheduledReportsTest.Exports.class)
class ScheduledReportsTest {

    public static class Exports implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "exports", "campaignfn.exports.local-dir", "target/report-files",
                    "campaignfn.reports.public-base-url", "https://api.example.com/");
        }
    }

    static final Actor PLANNER = new Actor("planner@example.com");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignLifecycle lifecycle;

    @Inject
    BudgetLedger ledger;

    @Inject
    AlertService alerts;

    @Inject
    AlertDelivery delivery;

    @Inject
    ReportSchedules schedules;

    @Inject
    ExportJobs exports;

    @Inject
    DataSource dataSource;

    JsonPath runExports() {
        return ScheduleEvents.invoke(ScheduleEvents.scheduled("exports", TestClock.CLOCK.instant()));
    }

    @Test
    void aWeeklyReportIsDeliveredOncePerWeekWithItsFile() throws Exception {
        Instant now = TestClock.CLOCK.instant();
        UUID campaign = campaigns.create(new CampaignCommand("Weekly reported", null, CampaignType.EMAIL, now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(60)), new BigDecimal("5000"), "EUR", "Europe/Paris", null, List.of("email"), List.of("Sell"), null),
                PLANNER).id();
        lifecycle.launch(campaign, PLANNER);
        LocalDate monday = LocalDate.ofInstant(now, PARIS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        // 40 on the Tuesday and 60 on the Saturday of last week; 500 this week, which last week's report leaves out
        ledger.record(campaign, spend("40.00", monday.plusDays(1).atTime(12, 0).atZone(PARIS).toInstant()), PLANNER);
        ledger.record(campaign, spend("60.00", monday.plusDays(5).atTime(12, 0).atZone(PARIS).toInstant()), PLANNER);
        ledger.record(campaign, spend("500.00", now.minusSeconds(60)), PLANNER);

        WebhookReceiver receiver = new WebhookReceiver(0);
        UUID json = alerts.createWebhook(new WebhookCommand("Reports JSON", receiver.url("/json"), "json", null, true), PLANNER).id();
        UUID slack = alerts.createWebhook(new WebhookCommand("Reports Slack", receiver.url("/slack"), "slack", null, true), PLANNER).id();
        UUID schedule = schedules.create(new ScheduleCommand("Monday report", ReportScope.CAMPAIGN, campaign, null, ReportFrequency.WEEKLY,
                null, "csv", List.of(json, slack), true), PLANNER).id();
        try {
            assertEquals(monday, schedules.get(schedule).duePeriod().startDate(), "the last complete ISO week, in the campaign's zone");

            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<JsonPath> a = pool.submit(this::runExports);
                Future<JsonPath> b = pool.submit(this::runExports);
                assertEquals(1, Bounded.answer(a).getList("outcome.reports_queued").size() + Bounded.answer(b).getList("outcome.reports_queued")
                        .size(), "the schedule firing twice queues the week once");
            } finally {
                pool.shutdown();
            }
            runExports(); // whichever invocation queued it, the file is written and the report announced by now
            Rows rows = new Rows(dataSource);
            assertEquals(1L, rows.value("select count(*) from report_deliveries where schedule_id = ?", schedule));
            var delivered = schedules.deliveries(schedule, 10).get(0);
            assertEquals("delivered", delivered.status(), delivered::toString);
            assertEquals(monday.plusDays(6), delivered.periodEnd());
            ExportJobs.JobView file = exports.get(delivered.exportJobId());
            assertEquals("succeeded", file.status());
            assertEquals(7L, file.rowCount(), "a row per day of the week");
            assertTrue(alerts.list(campaign, false, 100).stream().noneMatch(a -> a.kind().equals(AlertService.REPORT_KIND)),
                    "a report is not an alert");

            assertEquals(2, delivery.deliverDue(10).delivered(), "to its two webhooks, and no other");
            ObjectMapper mapper = new ObjectMapper();
            JsonNode body = mapper.readTree(receiver.received.stream().filter(r -> r.get("path").equals("/json")).findFirst().orElseThrow()
                    .get("body"));
            assertEquals(AlertService.REPORT_KIND, body.path("kind").asText());
            JsonNode details = body.path("details");
            assertEquals(monday.toString(), details.at("/period/start_date").asText());
            assertEquals(0, new BigDecimal("100.00").compareTo(details.at("/summary/total_spend").decimalValue()), details::toString);
            assertEquals("EUR", details.path("currency").asText());
            String url = details.at("/export/download_url").asText();
            assertTrue(url.startsWith("https://api.example.com/v1/marketing/exports/files/"), url);
            assertNotNull(details.at("/export/download_url_expires_at").asText(null));
            String slackText = mapper.readTree(receiver.received.stream().filter(r -> r.get("path").equals("/slack")).findFirst().orElseThrow()
                    .get("body")).path("text").asText();
            assertTrue(slackText.contains("spend 100.00 EUR") && slackText.contains("File: " + url), slackText);

            assertEquals(List.of(), runExports().getList("outcome.reports_queued"), "delivered once");
            TestClock.CLOCK.advance(Duration.ofDays(7));
            runExports();
            runExports();
            List<String> periods = schedules.deliveries(schedule, 10).stream().map(d -> d.periodStart() + ":" + d.status()).toList();
            assertEquals(List.of(monday.plusWeeks(1) + ":delivered", monday + ":delivered"), periods);
        } finally {
            schedules.delete(schedule, PLANNER);
            alerts.deleteWebhook(json, PLANNER);
            alerts.deleteWebhook(slack, PLANNER);
            receiver.close();
        }
    }

    private static SpendCommand spend(String amount, Instant at) {
        return new SpendCommand(new BigDecimal(amount), SpendEntryType.SPEND, null, null, null, null, at, null, null);
    }
}
