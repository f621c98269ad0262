package dev.campaignfn.functions.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.campaignfn.analytics.Grouping;
import dev.campaignfn.analytics.RangePreset;
import dev.campaignfn.analytics.ReportRequest;
import dev.campaignfn.campaign.CampaignType;
import dev.campaignfn.common.Actor;
import dev.campaignfn.export.ExportFormat;
import dev.campaignfn.export.ExportJobs;
import dev.campaignfn.export.ExportQuery;
import dev.campaignfn.export.ExportReport;
import dev.campaignfn.export.ExportService;
import dev.campaignfn.lifecycle.CampaignCommand;
import dev.campaignfn.lifecycle.CampaignLifecycle;
import dev.campaignfn.lifecycle.CampaignService;
import dev.campaignfn.testing.Rows;
import dev.campaignfn.testing.ScheduleEvents;
import dev.campaignfn.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** The exports handler, chosen by quarkus.lambda.handler: queued jobs run, expired files are purged. */
@QuarkusTest
@TestProfile(ExportsHandlerTest.Exports.class)
class ExportsHandlerTest {

    public static class Exports implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "exports", "campaignfn.exports.local-dir", "target/export-files");
        }
    }

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignLifecycle lifecycle;

    @Inject
    ExportJobs jobs;

    @Inject
    DataSource dataSource;

    @Test
    void queuedJobsRunAndExpiredFilesArePurged() {
        Actor planner = new Actor("planner@example.com");
        Instant now = TestClock.CLOCK.instant();
        UUID campaign = campaigns.create(new CampaignCommand("Exported", null, CampaignType.EMAIL, now.minus(Duration.ofDays(3)),
                now.plus(Duration.ofDays(3)), new BigDecimal("1000"), "EUR", "UTC", null, List.of("email"), List.of("Sell"), null), planner)
                .id();
        lifecycle.launch(campaign, planner);
        ReportRequest request = new ReportRequest(RangePreset.LAST_7_DAYS, null, null, Grouping.DAY, ExportService.DEFAULT_METRICS,
                Map.of(), null, null, false);
        UUID csv = jobs.create(new ExportQuery(ExportReport.CAMPAIGN, ExportFormat.CSV, campaign, null, request, null, null, null, null,
                null, false), planner.name()).id();
        UUID xlsx = jobs.create(new ExportQuery(ExportReport.CAMPAIGN, ExportFormat.XLSX, campaign, null, request, null, null, null,
                null, null, false), planner.name()).id();

        // each invocation runs at least one job, more while its time allows (the test's mock runtime gives little)
        int ran = 0;
        for (int invocation = 0; invocation < 3; invocation++) {
            JsonPath report = ScheduleEvents.invoke(ScheduleEvents.scheduled("exports", TestClock.CLOCK.instant()));
            assertEquals("exports", report.getString("job"));
            ran += report.getInt("outcome.jobs_run");
        }
        assertEquals(2, ran);
        for (UUID id : List.of(csv, xlsx)) {
            ExportJobs.JobView job = jobs.get(id);
            assertEquals("succeeded", job.status(), job::toString);
            assertEquals(7L, job.rowCount(), "a row per day of the week");
            assertNotNull(job.downloadUrl());
        }

        TestClock.CLOCK.advance(Duration.ofDays(2));
        JsonPath later = ScheduleEvents.invoke(ScheduleEvents.scheduled("exports", TestClock.CLOCK.instant()));
        assertEquals(0, later.getInt("outcome.jobs_run"));
        assertEquals(2, later.getInt("outcome.expired_purged"));
        assertEquals("expired", new Rows(dataSource).value("select status from export_jobs where id = ?", csv));
    }
}
