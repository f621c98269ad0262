package dev.campaignfn.functions.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.campaignfn.export.ExportJobs;
import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Exports larger than a direct answer become jobs: 202 with the job, the file written by a worker,
 * a time-limited download URL that works once signed and not after it expires, jobs that outlive the
 * worker that took them, and files purged after the retention. Who may export, and every bad
 * parameter.
 */
@QuarkusTest
class ExportJobTest {

    static final String BASE = "/v1/marketing/admin/analytics";

    @Inject
    ExportWorld world;

    @Inject
    ExportJobs jobs;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void data() {
        world.build();
        TestClock.CLOCK.set(Instant.parse("2026-11-10T10:15:30Z"));
    }

    static ApiGateway.Request admin() {
        return ApiGateway.as("admin@example.com", "marketing_admin");
    }

    /** A download URL is absolute; the Lambda event carries its path and query. */
    static String pathAndQuery(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    long storedEvents(UUID campaign, Instant from, Instant to) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement count = connection.prepareStatement(
                "select count(*) from campaign_events where campaign_id = ? and occurred_at >= ? and occurred_at < ?")) {
            count.setObject(1, campaign);
            count.setTimestamp(2, java.sql.Timestamp.from(from));
            count.setTimestamp(3, java.sql.Timestamp.from(to));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Test
    void anExportTooLargeForADirectAnswerBecomesAJobWithADownloadUrl() throws Exception {
        UUID campaign = world.campaigns.get(0);
        ApiGateway.Response accepted = admin().get(BASE + "/export?" + ApiGateway.query("report", "events", "campaign_id", campaign.toString(),
                "date_range", "90d"));
        assertEquals(202, accepted.status(), accepted::toString);
        JsonPath job = accepted.json();
        String id = job.getString("data.id");
        assertTrue(accepted.header("Location").endsWith(BASE + "/exports/" + id), accepted.header("Location"));
        assertEquals("queued", job.getString("data.status"));
        assertNull(job.get("data.download_url"));

        assertEquals(1, jobs.runPending(10), "the worker runs the queued job");
        JsonPath done = admin().get(BASE + "/exports/" + id).json();
        assertEquals("succeeded", done.getString("data.status"), done.prettify());
        String url = done.getString("data.download_url");
        assertNotNull(url);
        assertTrue(done.getString("data.file_name").startsWith("campaign_events_" + campaign), done.prettify());

        ApiGateway.Response file = ApiGateway.anonymous().get(pathAndQuery(url));
        assertEquals(200, file.status(), file::toString);
        assertTrue(file.bodyBytes().length > 100_000, "larger than a direct answer may be");
        ExportFiles.Table table = ExportFiles.csv(file.bodyBytes());
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDate today = LocalDate.ofInstant(TestClock.CLOCK.instant(), paris);
        long expected = storedEvents(campaign, today.minusDays(89).atStartOfDay(paris).toInstant(),
                today.plusDays(1).atStartOfDay(paris).toInstant());
        assertEquals(expected, table.rows().size(), "every stored event of the period, once");
        assertEquals(done.getLong("data.row_count"), expected);
        assertEquals(file.bodyBytes().length, done.getLong("data.size_bytes"));
        List<String> ids = new ArrayList<>();
        table.rows().forEach(r -> ids.add(r.get(0).toString()));
        assertEquals(ids.size(), ids.stream().distinct().count(), "no event twice");

        // the signature covers the key, the name and the expiry
        String signed = pathAndQuery(url);
        int first = signed.indexOf("signature=") + "signature=".length();
        // another first character than the real one (always "0" failed the test whenever the signature began with 0)
        String tampered = signed.substring(0, first) + (signed.charAt(first) == '0' ? '1' : '0') + signed.substring(first + 1);
        assertEquals(404, ApiGateway.anonymous().get(tampered).status());
        assertEquals(404, ApiGateway.anonymous().get(pathAndQuery(url).replace("expires=", "expires=9")).status());
        TestClock.CLOCK.advance(Duration.ofMinutes(16));
        assertEquals(404, ApiGateway.anonymous().get(pathAndQuery(url)).status(), "the URL expired");
        String fresh = admin().get(BASE + "/exports/" + id).json().getString("data.download_url");
        assertEquals(200, ApiGateway.anonymous().get(pathAndQuery(fresh)).status(), "a new URL while the file lives");

        // after the retention the file is deleted and the job says so
        TestClock.CLOCK.advance(Duration.ofDays(1));
        assertTrue(jobs.purgeExpired() >= 1);
        JsonPath expired = admin().get(BASE + "/exports/" + id).json();
        assertEquals("expired", expired.getString("data.status"));
        assertNull(expired.get("data.download_url"));
        assertEquals(404, ApiGateway.anonymous().get(pathAndQuery(fresh)).status());
    }

    @Test
    void aQueuedXlsxJobAndAJobWhoseWorkerDiedBothFinish() throws Exception {
        UUID campaign = world.campaigns.get(1);
        jobs.runPending(100); // whatever other tests left queued
        ApiGateway.Response queued = admin().post(BASE + "/exports?" + ApiGateway.query("campaign_id", campaign.toString(), "format", "xlsx",
                "date_range", "30d"), null);
        assertEquals(202, queued.status(), queued::toString);
        String id = queued.json().getString("data.id");
        // a worker took it and died: the job stays running until its lease runs out, then another takes it
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(
                "update export_jobs set status = 'running', attempts = 1, locked_until = ? where id = ?")) {
            update.setTimestamp(1, java.sql.Timestamp.from(TestClock.CLOCK.instant().plus(Duration.ofMinutes(10))));
            update.setObject(2, UUID.fromString(id));
            update.executeUpdate();
        }
        assertEquals(0, jobs.runPending(10), "another worker's lease is respected");
        TestClock.CLOCK.advance(Duration.ofMinutes(11));
        assertEquals(1, jobs.runPending(10));
        JsonPath done = admin().get(BASE + "/exports/" + id).json();
        assertEquals("succeeded", done.getString("data.status"), done.prettify());
        assertEquals(2, done.getInt("data.attempts"));
        ApiGateway.Response file = ApiGateway.anonymous().get(pathAndQuery(done.getString("data.download_url")));
        assertEquals(200, file.status());
        assertEquals(30, ExportFiles.xlsx(file.bodyBytes()).rows().size(), "30 days");
    }

    @Test
    void onlyCallersWithAnalyticsExport() {
        String route = BASE + "/export?campaign_id=" + world.campaigns.get(0);
        assertEquals(401, ApiGateway.anonymous().get(route).status());
        assertEquals(403, ApiGateway.as("visitor@example.com").get(route).status());
        assertEquals(403, ApiGateway.as("robot@example.com").scopes("analytics.read").get(route).status(), "reading is not exporting");
        for (String role : List.of("super_admin", "marketing_admin", "analyst")) {
            assertEquals(200, ApiGateway.as(role + "@example.com", role).get(route).status(), role);
        }
        assertEquals(200, ApiGateway.as("robot@example.com").scopes("analytics.export").get(route).status());
        assertEquals(401, ApiGateway.anonymous().post(BASE + "/exports?campaign_id=" + world.campaigns.get(0), null).status());
        assertEquals(403, ApiGateway.as("visitor@example.com").get(BASE + "/exports/" + UUID.randomUUID()).status());
    }

    @Test
    void everyBadParameterIsNamedAndNothingIsQueued() throws Exception {
        String c = world.campaigns.get(0).toString();
        String[][] cases = { { "format=pdf&campaign_id=" + c, "format" }, { "report=pie&campaign_id=" + c, "report" },
                { "", "campaign_id" }, { "campaign_id=nope", "campaign_id" }, { "report=comparison", "campaign_ids" },
                { "campaign_id=" + c + "&start_date=2026-11-02&end_date=2026-11-01", "start_date" },
                { "campaign_id=" + c + "&metrics=likes", "metrics" }, { "campaign_id=" + c + "&group_by=year", "group_by" },
                { "campaign_id=" + c + "&bom=maybe", "bom" }, { "report=segmented&campaign_id=" + c + "&segment_by=colour", "segment_by" } };
        long before = jobCount();
        for (String[] bad : cases) {
            for (String method : List.of("GET", "POST")) {
                String path = "GET".equals(method) ? BASE + "/export?" + bad[0] : BASE + "/exports?" + bad[0];
                ApiGateway.Response answer = admin().send(method, path, null, false);
                assertEquals(400, answer.status(), () -> method + " " + path + ": " + answer);
                assertEquals(bad[1], answer.json().getString("errors[0].field"), () -> method + " " + path + ": " + answer);
            }
        }
        ApiGateway.Response unknown = admin().get(BASE + "/export?campaign_id=" + UUID.randomUUID());
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals(404, admin().post(BASE + "/exports?report=events&campaign_id=" + UUID.randomUUID(), null).status());
        assertEquals(404, admin().get(BASE + "/exports/" + UUID.randomUUID()).status());
        assertEquals(400, admin().get(BASE + "/exports/not-a-job").status());
        assertEquals(before, jobCount(), "no job for a bad request");
    }

    long jobCount() throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement count = connection.prepareStatement(
                "select count(*) from export_jobs"); ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
