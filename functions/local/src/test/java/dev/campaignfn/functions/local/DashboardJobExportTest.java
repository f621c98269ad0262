package dev.campaignfn.functions.local;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A large export from the page: with a tiny direct-answer limit every export becomes a job, and the
 * page follows it (queued, running) until the launcher's exports timer has written the file, then
 * downloads it from the job's signed URL.
 */
@QuarkusTest
@TestProfile(DashboardJobExportTest.TinyDirectExports.class)
class DashboardJobExportTest {

    public static class TinyDirectExports implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("campaignfn.exports.max-direct-bytes", "16", "campaignfn.local.schedule.exports", "1s");
        }
    }

    private DashboardBrowser page;

    @BeforeEach
    void startBrowser() throws IOException {
        page = DashboardBrowser.start();
    }

    @AfterEach
    void stopBrowser() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void aLargeXlsxExportIsFollowedAsAJobAndDownloaded() throws IOException {
        String token = page.signIn("analyst");
        String id = given().auth().oauth2(token).queryParam("date_range", "30d").get("/v1/marketing/admin/analytics/dashboard")
                .then().statusCode(200).extract().path("data.top_campaigns[0].campaign_id");
        page.open("/#/campaigns/" + id + "?date_range=30d");
        page.find("[data-testid=export-xlsx]").click();
        Path xlsx = page.awaitDownload(".xlsx");
        page.wait.until(d -> page.text("[data-testid=export-status]").matches("Downloaded .*\\.xlsx \\(\\d+ rows\\)\\."));
        byte[] bytes = Files.readAllBytes(xlsx);
        assertArrayEquals(new byte[] {'P', 'K'}, Arrays.copyOf(bytes, 2), "an XLSX file is a zip");
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            long rows = workbook.getFirstSheet().openStream().count();
            assertTrue(rows > 30, "a header block and 30 days of rows, got " + rows);
        }
    }
}
