package dev.campaignfn.functions.campaigns;

import static dev.campaignfn.functions.campaigns.Api.CAMPAIGNS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.Rows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Bad input on every write route: a 4xx problem body that names the field, and nothing written.
 * {id} is a launched campaign with channels facebook and email, a budget and one spend entry.
 */
@QuarkusTest
class BadInputTest {

    private static final String NOW_PLUS_DAY = Instant.now().plusSeconds(86_400).toString();
    private static final String LONG_NAME = "x".repeat(256);
    private static String fixture;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void fixture() {
        if (fixture == null) {
            fixture = Api.launched("Bad input fixture", "1000", "facebook", "email");
            Api.admin().put(CAMPAIGNS + "/" + fixture + "/budget", "{\"total_budget\": 1000, \"allocations\": {\"facebook\": 400}}");
            Api.admin().post(CAMPAIGNS + "/" + fixture + "/spend", "{\"amount\": 10, \"channel_id\": \"facebook\"}");
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            // campaigns: create
            "POST|/campaigns|~{\"name\": ~|400|body",
            "POST|/campaigns|[1, 2]|400|body",
            "POST|/campaigns|~~|400|body",
            "POST|/campaigns|~{\"name\": 12, \"type\": \"email\"}~|400|name",
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"tv\"}~|400|type",
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": -1, \"currency\": \"EUR\"}~|400|budget",
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": \"NaN\", \"currency\": \"EUR\"}~|400|budget",
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1e400, \"currency\": \"EUR\"}~|400|budget",
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1.005, \"currency\": \"EUR\"}~|400|budget",
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": \"2031-02-01T00:00:00Z\", \"end_date\": \"2031-01-01T00:00:00Z\", \"budget\": 1, \"currency\": \"EUR\"}~|400|end_date",
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": \"tomorrow\", \"end_date\": \"2031-01-01T00:00:00Z\", \"budget\": 1, \"currency\": \"EUR\"}~|400|start_date",
            "POST|/campaigns|~{\"name\": \"LONG\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1, \"currency\": \"EUR\"}~|400|name",
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1, \"currency\": \"XXZ\"}~|400|currency",
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1, \"currency\": \"EUR\", \"time_zone\": \"+02:00\"}~|400|time_zone",
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1, \"currency\": \"EUR\", \"status\": \"active\"}~|400|status",
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1, \"currency\": \"EUR\", \"channels\": [\"email\", \"email\"]}~|400|channels",
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1, \"currency\": \"EUR\", \"channels\": [\"Face Book\"]}~|400|channels[0]",
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1, \"currency\": \"EUR\", \"kpis\": [{\"name\": \"k\", \"target\": 0}]}~|400|kpis[0].target",
            // text that cannot be stored as sent (a NUL, a control character, a lone surrogate), anywhere in a body
            "POST|/campaigns|~{\"name\": \"a\\u0000b\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1, \"currency\": \"EUR\"}~|400|name",
            "POST|/campaigns|~{\"name\": \"bell\\u0007\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1, \"currency\": \"EUR\"}~|400|name",
            "POST|/campaigns|~{\"name\": \"sur\\ud800rogate\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1, \"currency\": \"EUR\"}~|400|name",
            "POST|/campaigns|~{\"name\": \"x\", \"description\": \"\\udc00\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1, \"currency\": \"EUR\"}~|400|description",
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1, \"currency\": \"EUR\", \"kpis\": [{\"name\": \"k\\u0000\", \"target\": 1}]}~|400|kpis[0].name",
            "POST|/campaigns/{id}/pause|~{\"reason\": \"why\\u0000\"}~|400|reason",
            "POST|/campaigns/{id}/spend|~{\"amount\": 5, \"description\": \"\\u0000\"}~|400|description",
            "PUT|/campaigns/{id}/budget|~{\"total_budget\": 100, \"allocations\": {\"face\\u0000\": 1}}~|400|allocations",
            "POST|/campaigns/{id}/content|~{\"type\": \"post\", \"title\": \"t\\u0000\"}~|400|title",
            "POST|/campaigns/{id}/kpis|~{\"name\": \"\\u0000\", \"metric\": \"clicks\", \"target\": 1}~|400|name",
            "POST|/rule-templates|~{\"name\": \"t\\u0000\", \"trigger_type\": \"threshold\"}~|400|name",
            "POST|/rule-templates|~~|400|body",
            "POST|/rule-templates|null|400|body",
            "PUT|/rule-templates/{random}|null|400|body",
            // instants: RFC 3339 only, with a four-digit year (inside what PostgreSQL stores)
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"+999999999-12-31T23:59:59Z\", \"budget\": 1, \"currency\": \"EUR\"}~|400|end_date",
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": \"-0001-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1, \"currency\": \"EUR\"}~|400|start_date",
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": \"1700000000\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1, \"currency\": \"EUR\"}~|400|start_date",
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": 1700000000, \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1, \"currency\": \"EUR\"}~|400|start_date",
            "POST|/campaigns|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1, \"currency\": \"EUR\"}~|400|start_date",
            "POST|/campaigns/{id}/content|~{\"type\": \"post\", \"title\": \"t\", \"publish_date\": \"+999999999-12-31T23:59:59Z\"}~|400|publish_date",
            "POST|/campaigns/{id}/spend|~{\"amount\": 5, \"occurred_at\": \"2031-01-01\"}~|400|occurred_at",
            // campaigns: update, lifecycle
            "PUT|/campaigns/{id}|~{\"name\": true}~|400|name",
            "PUT|/campaigns/not-a-uuid|~{}~|400|id",
            "PUT|/campaigns/{random}|~{\"name\": \"x\", \"type\": \"email\", \"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\", \"budget\": 1, \"currency\": \"EUR\"}~|404|",
            "POST|/campaigns/{id}/pause|~{\"reason\": \"LONG_REASON\"}~|400|reason",
            "POST|/campaigns/{id}/pause|~{\"why\": \"x\"}~|400|why",
            "POST|/campaigns/{random}/launch|~~|404|",
            // channels
            "PUT|/campaigns/{id}/channels/facebook|~{\"platform\": \"myspace\"}~|400|platform",
            "PUT|/campaigns/{id}/channels/Face%20Book|~{\"platform\": \"facebook\"}~|400|channel",
            "PUT|/campaigns/{id}/channels/tiktok|~{\"platform\": \"tiktok\"}~|404|",
            "PUT|/campaigns/{id}/channels/facebook|~{\"platform\": \"facebook\", \"status\": \"deleted\"}~|400|status",
            // budget and ledger
            "PUT|/campaigns/{id}/budget|~{\"total_budget\": -5}~|400|total_budget",
            "PUT|/campaigns/{id}/budget|~{\"total_budget\": 100, \"allocations\": {\"facebook\": -1}}~|400|allocations.facebook",
            "PUT|/campaigns/{id}/budget|~{\"total_budget\": 100, \"allocations\": {\"facebook\": 90, \"email\": 20}}~|400|allocations",
            "PUT|/campaigns/{id}/budget|~{\"total_budget\": 5}~|400|total_budget",
            "PUT|/campaigns/{id}/budget|~{\"total_budget\": 100, \"allocations\": {\"facebook\": 5}}~|400|allocations.facebook",
            "PUT|/campaigns/{id}/budget|~{\"total_budget\": 1000, \"currency\": \"USD\"}~|400|currency",
            "POST|/campaigns/{id}/spend|~{\"amount\": 0}~|400|amount",
            "POST|/campaigns/{id}/spend|~{\"amount\": -5}~|400|amount",
            "POST|/campaigns/{id}/spend|~{\"amount\": 1.234}~|400|amount",
            "POST|/campaigns/{id}/spend|~{\"amount\": \"12.00\"}~|400|amount",
            "POST|/campaigns/{id}/spend|~{\"amount\": \"Infinity\"}~|400|amount",
            "POST|/campaigns/{id}/spend|~{}~|400|amount",
            "POST|/campaigns/{id}/spend|~{\"amount\": 5, \"entry_type\": \"chargeback\"}~|400|entry_type",
            "POST|/campaigns/{id}/spend|~{\"amount\": 5, \"channel_id\": \"tiktok\"}~|400|channel_id",
            "POST|/campaigns/{id}/spend|~{\"amount\": 5, \"occurred_at\": \"FUTURE\"}~|400|occurred_at",
            "POST|/campaigns/{id}/spend|~{\"amount\": 5, \"currency\": \"USD\"}~|400|currency",
            "POST|/campaigns/{id}/spend|~{\"amount\": 5, \"corrects_entry_id\": \"RANDOM\"}~|400|corrects_entry_id",
            "POST|/campaigns/{id}/spend|~{\"amount\": 5, \"idempotency_key\": \"has spaces\"}~|400|idempotency_key",
            "POST|/campaigns/{id}/spend|~{\"amount\": 5, \"description\": \"LONG_DESCRIPTION\"}~|400|description",
            "POST|/campaigns/{random}/spend|~{\"amount\": 5}~|404|",
            "POST|/campaigns/{id}/budget/reallocations|~{\"from_channel\": \"facebook\", \"to_channel\": \"facebook\", \"amount\": 1}~|400|to_channel",
            "POST|/campaigns/{id}/budget/reallocations|~{\"to_channel\": \"email\", \"amount\": 1}~|400|from_channel",
            "POST|/campaigns/{id}/budget/reallocations|~{\"from_channel\": \"facebook\", \"to_channel\": \"email\", \"amount\": 0}~|400|amount",
            "POST|/campaigns/{id}/budget/reallocations|~{\"from_channel\": \"facebook\", \"to_channel\": \"email\", \"amount\": 391}~|409|",
            // KPIs and content
            "POST|/campaigns/{id}/kpis|~{\"name\": \"k\", \"metric\": \"likes\", \"target\": 1}~|400|metric",
            "POST|/campaigns/{id}/kpis|~{\"name\": \"k\", \"metric\": \"clicks\", \"target\": 1, \"current\": 5}~|400|current",
            "POST|/campaigns/{id}/kpis|~{\"name\": \"k\", \"target\": 1}~|400|unit",
            "POST|/campaigns/{id}/kpis|~{\"name\": \"k\", \"metric\": \"clicks\", \"target\": -1}~|400|target",
            "PUT|/campaigns/{id}/kpis/{random}|~{\"name\": \"k\", \"metric\": \"clicks\", \"target\": 1}~|404|",
            "POST|/campaigns/{id}/content|~{\"type\": \"post\", \"title\": \"t\", \"status\": \"archived\"}~|400|status",
            "POST|/campaigns/{id}/content|~{\"type\": \"post\", \"title\": \"t\", \"content_url\": \"javascript:alert(1)\"}~|400|content_url",
            "POST|/campaigns/{id}/content|~{\"type\": \"post\", \"title\": \"t\", \"channel\": \"tiktok\"}~|400|channel",
            "POST|/campaigns/{id}/content|~{\"type\": \"post\"}~|400|title",
            "DELETE|/campaigns/{id}/content/{random}|~~|404|",
            // plans and benchmarks
            "POST|/plans/validate|~{\"name\": \"p\", \"budget\": {\"total\": 1}}~|400|timeline",
            "POST|/plans/estimate|~{\"name\": \"p\", \"timeline\": {\"start_date\": \"2031-01-01T00:00:00Z\", \"end_date\": \"2031-02-01T00:00:00Z\"}, \"budget\": {\"total\": 1}, \"channels\": [{\"channel\": \"email\", \"budget\": -1}]}~|400|channels[0].budget",
            "PUT|/plans/benchmarks/facebook|~{\"cpm\": 1, \"ctr\": 1.5, \"cvr\": 0.1, \"reach_ratio\": 0.3}~|400|ctr",
            "PUT|/plans/benchmarks/facebook|~{\"cpm\": 1, \"ctr\": 0.5, \"cvr\": 0.1, \"reach_ratio\": 0}~|400|reach_ratio",
            "DELETE|/plans/benchmarks/default|~~|409|" })
    void refusedAndNothingWritten(String method, String path, String body, int status, String field) {
        Rows rows = new Rows(dataSource);
        String before = rows.snapshot();
        String concrete = "/v1/marketing/admin" + path.replace("{id}", fixture).replace("{random}", UUID.randomUUID().toString());
        String payload = body == null ? null : body.replace("LONG_REASON", "r".repeat(1001)).replace("LONG_DESCRIPTION", "d".repeat(1001))
                .replace("\"LONG\"", "\"" + LONG_NAME + "\"").replace("FUTURE", Instant.now().plusSeconds(3600).toString())
                .replace("RANDOM", UUID.randomUUID().toString());
        ApiGateway.Response answer = Api.superAdmin().send(method, concrete, method.equals("DELETE") ? null : payload, false);
        assertEquals(status, answer.status(), answer::toString);
        assertEquals("application/problem+json", answer.header("Content-Type"));
        assertFalse(answer.json().getBoolean("success"));
        assertNotNull(answer.json().getString("message"));
        assertEquals(status, answer.json().getInt("status"));
        if (field != null) {
            List<String> fields = answer.json().getList("errors.field");
            assertTrue(fields.contains(field), () -> "expected field " + field + " in " + answer);
        }
        assertFalse(answer.body().contains("Exception") || answer.body().contains("\tat "), "no stack trace leaves the function");
        assertEquals(before, rows.snapshot(), "nothing written");
    }

    @Test
    void oversizedBodiesAre413AndWrongMediaTypes415() {
        Rows rows = new Rows(dataSource);
        String before = rows.snapshot();
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        ApiGateway.Response tooLarge = Api.admin().post(CAMPAIGNS, huge);
        assertEquals(413, tooLarge.status(), () -> tooLarge.toString().substring(0, 300));
        assertEquals(1_048_576, tooLarge.json().getInt("details.limit_bytes"));
        ApiGateway.Response text = Api.admin().header("content-type", "text/plain").post(CAMPAIGNS, "name=x");
        assertEquals(415, text.status(), text::toString);
        assertEquals(before, rows.snapshot());
    }

    @Test
    void unknownRoutesAndMalformedQueriesAreProblems() {
        ApiGateway.Response unknown = Api.admin().get("/v1/marketing/admin/nothing-here");
        assertEquals(404, unknown.status());
        assertEquals("application/problem+json", unknown.header("Content-Type"));
        ApiGateway.Response badPage = Api.admin().get(CAMPAIGNS + "?page=0");
        assertEquals(400, badPage.status());
        assertEquals("page", badPage.json().getString("errors[0].field"));
        assertEquals("sort", Api.admin().get(CAMPAIGNS + "?sort=password").json().getString("errors[0].field"));
        assertEquals("status", Api.admin().get(CAMPAIGNS + "?status=live").json().getString("errors[0].field"));
        assertEquals("start_date", Api.admin().get(CAMPAIGNS + "?start_date=soon").json().getString("errors[0].field"));
        assertEquals("end_date", Api.admin().get(CAMPAIGNS + "?end_date=%2B999999999-12-31").json().getString("errors[0].field"));
        ApiGateway.Response nul = Api.admin().get(CAMPAIGNS + "?q=a%00b");
        assertEquals(400, nul.status(), nul::toString);
        assertEquals("q", nul.json().getString("errors[0].field"));
        assertEquals("application/problem+json", nul.header("Content-Type"));
        assertEquals("path", Api.admin().get(CAMPAIGNS + "/a%00b").json().getString("errors[0].field"));
        assertEquals("If-Match", Api.admin().header("If-Match", "v1").put(CAMPAIGNS + "/" + fixture, "{}")
                .json().getString("errors[0].field"));
        assertEquals(404, Api.admin().get(CAMPAIGNS + "/" + UUID.randomUUID()).status());
        assertEquals("campaign", Api.admin().get(CAMPAIGNS + "/" + UUID.randomUUID()).json().getString("details.entity"));
    }

    @Test
    void aMalformedDateIsNamedWithTheFormatExpected() {
        ApiGateway.Response answer = Api.admin().post(CAMPAIGNS, Api.campaign("Dates", "2031-13-01", NOW_PLUS_DAY, "1", "email"));
        assertEquals(400, answer.status());
        assertEquals("start_date", answer.json().getString("errors[0].field"));
        assertTrue(answer.json().getString("errors[0].message").contains("RFC 3339"));
    }
}
