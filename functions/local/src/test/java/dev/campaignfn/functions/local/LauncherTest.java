package dev.campaignfn.functions.local;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The launcher end to end over real HTTP: its own tokens, every function's routes, demo data, the usual endpoints. */
@QuarkusTest
class LauncherTest {

    private static String token(String role) {
        return given().queryParam("role", role).get("/local/token").then().statusCode(200)
                .body("data.token_type", equalTo("Bearer")).body("data.role", equalTo(role))
                .extract().path("data.access_token");
    }

    @Test
    void theCampaignsApiWorksWithALocalToken() {
        String admin = token("marketing_admin");
        String id = given().auth().oauth2(admin).contentType("application/json").body("""
                {"name": "Launcher campaign", "type": "email", "start_date": "2031-01-01T00:00:00Z",
                 "end_date": "2031-02-01T00:00:00Z", "budget": 500, "currency": "EUR", "channels": ["email"]}
                """).post("/v1/marketing/admin/campaigns").then().statusCode(201)
                .body("data.created_by", equalTo("local-marketing_admin")).extract().path("data.id");
        given().auth().oauth2(admin).post("/v1/marketing/admin/campaigns/" + id + "/launch").then().statusCode(200)
                .body("data.status", equalTo("scheduled"));
        given().auth().oauth2(token("analyst")).get("/v1/marketing/admin/campaigns/" + id).then().statusCode(200)
                .body("data.name", equalTo("Launcher campaign"));
        given().auth().oauth2(token("analyst")).contentType("application/json").body("{}")
                .post("/v1/marketing/admin/campaigns").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void onlyValidTokensOfTheLauncherAreAccepted() {
        given().get("/v1/marketing/admin/campaigns").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        String valid = token("super_admin");
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        given().auth().oauth2(tampered).get("/v1/marketing/admin/campaigns").then().statusCode(401);
        given().auth().oauth2("not-a-jwt").get("/v1/marketing/admin/campaigns").then().statusCode(401);
        given().queryParam("role", "root").get("/local/token").then().statusCode(400).body("errors[0].field", equalTo("role"));
        given().queryParam("role", "analyst").header("X-Forwarded-For", "198.51.100.9").get("/local/token").then()
                .statusCode(403).contentType("application/problem+json");
    }

    /** What the HTTP layer refuses is a problem too, within API Gateway's limits (8 KiB target, 10 KiB headers). */
    @Test
    void tooLongUrisAndHeadersAreProblems() {
        String admin = token("analyst");
        given().auth().oauth2(admin).queryParam("padding", "x".repeat(9_000)).get("/v1/marketing/admin/campaigns").then().statusCode(414)
                .contentType("application/problem+json").body("status", equalTo(414)).body("details.limit_bytes", equalTo(8192));
        given().auth().oauth2(admin).header("X-Padding", "p".repeat(11_000)).get("/v1/marketing/admin/campaigns").then()
                .statusCode(431).contentType("application/problem+json").body("status", equalTo(431));
        given().auth().oauth2(admin).queryParam("padding", "x".repeat(7_000)).get("/v1/marketing/admin/campaigns").then().statusCode(200);
    }

    @Test
    void demoDataLoadsOnce() {
        // other tests of this module (the page tests) may have loaded them first: the names count, not who created them
        JsonPath first = given().post("/local/demo-data").then().statusCode(200).extract().jsonPath();
        List<String> loaded = new ArrayList<>(first.getList("data.created", String.class));
        loaded.addAll(first.getList("data.already_present", String.class));
        JsonPath second = given().post("/local/demo-data").then().statusCode(200).extract().jsonPath();
        assertEquals(6, loaded.size());
        assertEquals(List.of(), second.getList("data.created"));
        assertEquals(loaded, second.getList("data.already_present"), "the second load finds all six, and adds nothing");
        String analyst = token("analyst");
        given().auth().oauth2(analyst).queryParam("q", "Spring Sale 2026").get("/v1/marketing/admin/campaigns").then()
                .statusCode(200).body("pagination.total", equalTo(1)).body("data[0].status", equalTo("active"))
                .body("data[0].channels", hasItems("facebook", "google_search", "instagram", "email"));
        String id = given().auth().oauth2(analyst).queryParam("q", "Spring Sale 2026").get("/v1/marketing/admin/campaigns")
                .then().extract().path("data[0].id");
        given().auth().oauth2(analyst).get("/v1/marketing/admin/campaigns/" + id + "/budget").then().statusCode(200)
                .body("data.total_budget", equalTo(25000.00f)).body("data.spent", notNullValue());
        given().auth().oauth2(analyst).queryParam("status", "completed").get("/v1/marketing/admin/campaigns").then()
                .body("data.name", hasItem("Holiday newsletter"));
        // the demo traffic went through tracking and the rollups: the analytics routes of the launcher show it
        given().auth().oauth2(analyst).queryParam("date_range", "30d").get("/v1/marketing/admin/analytics/campaigns/" + id).then()
                .statusCode(200).body("data.time_zone", equalTo("Europe/Paris")).body("data.summary.total_impressions", greaterThan(1000))
                .body("data.summary.total_conversions", greaterThan(0)).body("data.daily_stats.size()", equalTo(30));
        given().auth().oauth2(analyst).get("/v1/marketing/admin/analytics/dashboard").then().statusCode(200)
                .body("data.summary.total_campaigns", greaterThan(0)).body("data.trends.size()", equalTo(30));

        // the exports share the analytics routes' prefix: both are served, and the export equals the report
        List<Integer> clicks = given().auth().oauth2(analyst).queryParam("date_range", "30d")
                .get("/v1/marketing/admin/analytics/campaigns/" + id + "/daily").then().statusCode(200).extract().path("data.daily_stats.clicks");
        String csv = given().auth().oauth2(analyst).queryParam("campaign_id", id).queryParam("date_range", "30d")
                .queryParam("metrics", "clicks").get("/v1/marketing/admin/analytics/export").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"campaign_analytics_" + id))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("Date,Campaign Name,Template Type,Clicks", lines[0]);
        for (int i = 0; i < clicks.size(); i++) {
            assertEquals(String.valueOf(clicks.get(i)), lines[i + 1].substring(lines[i + 1].lastIndexOf(',') + 1), lines[i + 1]);
        }
        // a queued export runs on the launcher's timer and downloads through its signed URL
        String job = given().auth().oauth2(analyst).queryParam("report", "campaigns").post("/v1/marketing/admin/analytics/exports")
                .then().statusCode(202).extract().path("data.id");
        String url = null;
        for (int attempt = 0; attempt < 100 && url == null; attempt++) {
            url = given().auth().oauth2(analyst).get("/v1/marketing/admin/analytics/exports/" + job).then().statusCode(200).extract()
                    .path("data.download_url");
            sleep(200);
        }
        assertNotNull(url, "the launcher ran the export job");
        given().urlEncodingEnabled(false).get(java.net.URI.create(url).getRawPath() + "?" + java.net.URI.create(url).getRawQuery()).then()
                .statusCode(200).body(org.hamcrest.Matchers.containsString("Spring Sale 2026"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void healthAndOpenApi() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/v1/marketing/admin/campaigns'.post.operationId", equalTo("createCampaign"));
    }
}
