package dev.campaignfn.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.campaignfn.testing.ApiGateway;

/**
 * The Lambda contract, proven on the built artifacts: each function.zip, unpacked, runs under AWS's
 * own runtime interface client against a Runtime API emulator, and answers real-shaped events: API
 * Gateway HTTP API v2 events with JWT authorizer claims (and a base64 body) for the admin routes, a
 * public tracking call, and EventBridge scheduled events for the automation function (whose migrate
 * job creates the schema first). No HTTP function opens a database session before its first request.
 */
class LambdaContractTest extends RuntimeClientFixture {

    /**
     * Byte Buddy is removed from the run-time class path (quarkus.class-loading.removed-artifacts): every
     * function runs without it (the test below), and no zip carries it again unnoticed.
     */
    @Test
    void noFunctionZipCarriesByteBuddy() throws Exception {
        for (String module : FunctionProcess.FUNCTIONS) {
            try (ZipFile zip = new ZipFile(FunctionProcess.zip(module).toFile())) {
                List<String> jars = zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("lib/")).toList();
                assertTrue(jars.stream().anyMatch(n -> n.contains("hibernate-core")), () -> module + ": no hibernate-core in " + jars);
                assertTrue(jars.stream().noneMatch(n -> n.contains("byte-buddy")), () -> module + " packages Byte Buddy: " + jars);
            }
        }
    }

    @Test
    void everyFunctionAnswersRealShapedEventsUnderTheRuntimeClient() throws Exception {
        try (Running migrate = start("automation", "migrate")) {
            JsonNode report = migrate.job("migrate");
            assertEquals("migrate", report.path("job").asText(), report.toString());
            assertTrue(report.path("outcome").path("migrations_applied").asInt() >= 1, report.toString());
        }

        String campaignId;
        try (Running campaigns = start("campaigns", null)) {
            ApiGateway.Request admin = ApiGateway.as("admin@example.com", "marketing_admin");
            ApiGateway.Response created = campaigns.http(admin.event("POST", "/v1/marketing/admin/campaigns", """
                    {"name": "Contract campaign", "type": "email", "start_date": "%s", "end_date": "%s", "budget": 1000, "currency": "EUR",
                     "channels": ["email"]}
                    """.formatted(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(5))), true));
            assertEquals(201, created.status(), created::toString);
            campaignId = created.json().getString("data.id");
            assertEquals(200, campaigns.http(admin.event("POST", "/v1/marketing/admin/campaigns/" + campaignId + "/launch", null, false))
                    .status());
            ApiGateway.Response listed = campaigns.http(ApiGateway.as("analyst@example.com", "analyst").event("GET",
                    "/v1/marketing/admin/campaigns?status=active", null, false));
            assertEquals(200, listed.status(), listed::toString);
            assertEquals("Contract campaign", listed.json().getString("data[0].name"));
            assertEquals(403, campaigns.http(ApiGateway.as("analyst@example.com", "analyst").event("POST",
                    "/v1/marketing/admin/campaigns/" + campaignId + "/pause", null, false)).status());
            assertEquals(401, campaigns.http(ApiGateway.anonymous().event("GET", "/v1/marketing/admin/campaigns", null, false)).status());
        }

        try (Running tracking = start("tracking", null)) {
            ApiGateway.Response accepted = tracking.http(ApiGateway.anonymous().event("POST", "/v1/marketing/track-event", """
                    {"campaign_id": "%s", "event_type": "impression", "channel": "email", "user_agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0"}
                    """.formatted(campaignId), false));
            assertEquals(200, accepted.status(), accepted::toString);
            assertEquals("accepted", accepted.json().getString("data.status"));
        }

        try (Running analytics = start("analytics", null)) {
            ApiGateway.Response report = analytics.http(ApiGateway.as("analyst@example.com", "analyst").event("GET",
                    "/v1/marketing/admin/analytics/campaigns/" + campaignId + "?date_range=7d", null, false));
            assertEquals(200, report.status(), report::toString);
            assertEquals(1, report.json().getInt("data.summary.total_impressions"));
        }

        try (Running exports = start("exports", null)) {
            ApiGateway.Response csv = exports.http(ApiGateway.as("analyst@example.com", "analyst").event("GET",
                    "/v1/marketing/admin/analytics/export?campaign_id=" + campaignId + "&metrics=impressions", null, false));
            assertEquals(200, csv.status(), csv::toString);
            assertTrue(csv.body().startsWith("Date,Campaign Name,Type,Impressions"), csv.body());
        }

        try (Running lifecycle = start("automation", "lifecycle")) {
            JsonNode report = lifecycle.job("lifecycle");
            assertEquals("lifecycle", report.path("job").asText(), report.toString());
        }
    }
}
