package dev.campaignfn.functions.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.campaignfn.export.ExportStore;
import dev.campaignfn.integration.ImportJobs;
import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.Rows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Import jobs: a large spend file uploaded through its presigned URL and imported by the imports job; historical events
 * (CSV and NDJSON) imported as a backfill with the ingestion's validation and de-duplication, and a report.
 */
@QuarkusTest
class ImportJobsTest {

    static final String SPEND = "/v1/marketing/admin/spend-imports";
    static final String EVENTS = "/v1/marketing/admin/event-imports";

    @Inject
    ImportJobs jobs;

    @Inject
    ExportStore store;

    @Inject
    DataSource dataSource;

    /** PUTs the file to the upload URL the way a client would: the local store checks the URL's signature and expiry. */
    boolean upload(String url, String content) throws Exception {
        URI uri = URI.create(url);
        String key = uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return store.acceptUpload(key, Long.parseLong(query.get("expires")), query.get("signature"),
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aLargeSpendFileIsUploadedStartedAndImportedByTheJob() throws Exception {
        String campaign = Api.launched("Uploaded spend", "50000.00", "paid_search");
        String external = String.valueOf(System.nanoTime()); // the platform's campaign id, unused by other tests
        SpendImportTest.map("google_ads", external, campaign, "paid_search");
        ApiGateway.Response slot = Api.admin().post(SPEND + "/uploads", "{\"platform\": \"google_ads\", \"file_name\": \"november.csv\"}");
        assertEquals(201, slot.status(), slot::toString);
        assertEquals("awaiting_upload", slot.json().getString("data.import_job.status"));
        assertEquals("PUT", slot.json().getString("data.upload.method"));
        String id = slot.json().getString("data.import_job.id");
        String url = slot.json().getString("data.upload.url");
        assertTrue(url.startsWith("http"), "an absolute URL: " + url);

        assertTrue(!upload(url.replace("signature=", "signature=0"), "forged"), "a URL signed otherwise is refused");
        assertTrue(upload(url, SpendImportTest.fixture("google_ads.csv").replace("1234567890", external)));
        ApiGateway.Response started = Api.admin().post(SPEND + "/" + id + "/start", null);
        assertEquals(202, started.status(), started::toString);
        assertEquals("queued", started.json().getString("data.status"));
        assertEquals(409, Api.admin().post(SPEND + "/" + id + "/start", null).status(), "started once");

        jobs.run(10);
        ApiGateway.Response done = Api.analyst().get(SPEND + "/" + id);
        assertEquals("done", done.json().getString("data.status"), done::toString);
        assertEquals(3, done.json().getInt("data.report.counts.imported"));
        assertEquals("2221.66", SpendImportTest.spent(campaign));

        // a job started without its file fails with the reason
        ApiGateway.Response empty = Api.admin().post(SPEND + "/uploads", "{\"platform\": \"meta\"}");
        String emptyId = empty.json().getString("data.import_job.id");
        Api.admin().post(SPEND + "/" + emptyId + "/start", null);
        jobs.run(10);
        ApiGateway.Response failed = Api.admin().get(SPEND + "/" + emptyId);
        assertEquals("failed", failed.json().getString("data.status"));
        assertTrue(failed.json().getString("data.error").contains("not uploaded"), failed::toString);

        assertEquals(400, Api.admin().post(SPEND + "/uploads", "{\"platform\": \"tiktok\"}").status());
        assertEquals(404, Api.admin().get(EVENTS + "/" + id).status(), "a spend import is not an events import");
    }

    @Test
    void historicalEventsAreImportedOnceWithTheIngestionsRulesAndAReport() {
        String campaign = Api.launched("Backfilled", "1000.00", "email");
        Instant longAgo = Instant.now().minus(200, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String ndjson = String.join("\n",
                """
                {"event_id": "%s", "campaign_id": "%s", "event_type": "click", "occurred_at": "%s", "ip_address": "203.0.113.77", "utm_source": "newsletter"}"""
                        .formatted(first, campaign, longAgo),
                """
                {"event_id": "%s", "campaign_id": "%s", "event_type": "conversion", "occurred_at": "%s", "value": 49.90, "order_id": "A-1"}"""
                        .formatted(second, campaign, longAgo.plusSeconds(60)),
                """
                {"campaign_id": "%s", "event_type": "view"}""".formatted(campaign),
                """
                {"campaign_id": "%s", "event_type": "click", "occurred_at": "%s", "value": "a lot"}""".formatted(campaign, longAgo),
                "not json at all",
                """
                {"event_id": "%s", "campaign_id": "%s", "event_type": "click", "occurred_at": "%s"}""".formatted(first, campaign, longAgo),
                "");
        ApiGateway.Response queued = Api.admin().header("content-type", "application/x-ndjson")
                .send("POST", EVENTS + "?format=ndjson&file_name=history.ndjson", ndjson, false);
        assertEquals(202, queued.status(), queued::toString);
        String id = queued.json().getString("data.id");
        assertEquals("queued", queued.json().getString("data.status"));
        jobs.run(10);

        ApiGateway.Response done = Api.admin().get(EVENTS + "/" + id);
        assertEquals("done", done.json().getString("data.status"), done::toString);
        assertEquals(6, done.json().getInt("data.report.lines"));
        assertEquals(2, done.json().getInt("data.report.accepted"));
        assertEquals(1, done.json().getInt("data.report.duplicate"), "the repeated event_id counted once");
        assertEquals(3, done.json().getInt("data.report.rejected"));
        List<Map<String, Object>> rejections = done.json().getList("data.report.rejections");
        assertEquals(List.of(3, 4, 5), rejections.stream().map(r -> ((Number) r.get("line")).intValue()).toList());
        assertEquals("occurred_at", rejections.get(0).get("field"), "history must say when it happened");
        assertEquals("value", rejections.get(1).get("field"));
        assertEquals("invalid_json", rejections.get(2).get("reason"));

        Rows rows = new Rows(dataSource);
        assertEquals("203.0.113.0/24", rows.value("select ip_prefix from campaign_events where event_id = ?", first), "only the prefix");
        assertEquals(2L, rows.value("select count(*) from campaign_events where campaign_id = ?", UUID.fromString(campaign)));

        // the same file again stores nothing; a CSV of the same fields works the same way
        String again = Api.admin().header("content-type", "application/x-ndjson").send("POST", EVENTS + "?format=ndjson", ndjson, false)
                .json().getString("data.id");
        String csv = "event_id,campaign_id,event_type,occurred_at,value,order_id,forwarding_consent\n"
                + UUID.randomUUID() + "," + campaign + ",conversion," + longAgo.plusSeconds(120) + ",10.00,A-2,false\n"
                + UUID.randomUUID() + "," + campaign + ",conversion," + longAgo.plusSeconds(180) + ",10.00,A-1,\n";
        String fromCsv = Api.admin().header("content-type", "text/csv").send("POST", EVENTS + "?format=csv", csv, false).json().getString("data.id");
        jobs.run(10);
        assertEquals(3, Api.admin().get(EVENTS + "/" + again).json().getInt("data.report.duplicate"));
        ApiGateway.Response csvDone = Api.admin().get(EVENTS + "/" + fromCsv);
        assertEquals(1, csvDone.json().getInt("data.report.accepted"), csvDone::toString);
        assertEquals(1, csvDone.json().getInt("data.report.duplicate"), "order A-1 was already counted");
        assertEquals(3L, rows.value("select count(*) from campaign_events where campaign_id = ?", UUID.fromString(campaign)));
        assertEquals(1L, rows.value("select count(*) from campaign_events where campaign_id = ? and not forwardable", UUID.fromString(campaign)));

        assertEquals(400, Api.admin().header("content-type", "text/csv").send("POST", EVENTS + "?format=xml", "a", false).status());
        assertEquals(403, Api.analyst().header("content-type", "text/csv").send("POST", EVENTS + "?format=csv", csv, false).status());
    }

    @Test
    void aCsvWithoutTheEventHeaderFailsAsAWhole() {
        String id = Api.admin().header("content-type", "text/csv").send("POST", EVENTS + "?format=csv", "a,b\n1,2\n", false).json()
                .getString("data.id");
        jobs.run(10);
        ApiGateway.Response failed = Api.admin().get(EVENTS + "/" + id);
        assertEquals("failed", failed.json().getString("data.status"), failed::toString);
        assertTrue(failed.json().getString("data.error").contains("campaign_id"), failed::toString);
    }
}
