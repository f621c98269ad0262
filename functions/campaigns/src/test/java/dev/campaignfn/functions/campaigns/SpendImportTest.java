package dev.campaignfn.functions.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.campaignfn.testing.ApiGateway;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Spend imports of each platform's CSV layout (fixtures written to the platforms' documented column sets): the right
 * amounts land in the ledger, a re-import changes nothing, a changed day becomes one correcting entry, and every row
 * that cannot be used is reported with its reason.
 */
@QuarkusTest
class SpendImportTest {

    static final String IMPORTS = "/v1/marketing/admin/spend-imports";

    static String fixture(String name) {
        try (InputStream in = SpendImportTest.class.getResourceAsStream("/spend-imports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void map(String platform, String external, String campaign, String channel) {
        ApiGateway.Response mapped = Api.admin().post(IMPORTS + "/mappings", """
                {"platform": "%s", "external_campaign": "%s", "campaign_id": "%s", "channel_id": %s}
                """.formatted(platform, external, campaign, channel == null ? "null" : "\"" + channel + "\""));
        assertEquals(201, mapped.status(), mapped::toString);
    }

    static ApiGateway.Response upload(String platform, String csv) {
        return Api.admin().header("content-type", "text/csv").send("POST", IMPORTS + "?platform=" + platform + "&file_name=" + platform + ".csv",
                csv, false);
    }

    static String spent(String campaign) {
        return Api.admin().get(Api.CAMPAIGNS + "/" + campaign + "/budget").json().getString("data.spent");
    }

    static int entries(String campaign) {
        return Api.admin().get(Api.CAMPAIGNS + "/" + campaign + "/spend?page_size=100").json().getList("data").size();
    }

    @Test
    void eachPlatformsLayoutLandsTheRightAmountsAndAReimportChangesNothing() {
        String campaign = Api.launched("Imported spend", "50000.00", "paid_search", "social_media", "email");
        map("google_ads", "1234567890", campaign, "paid_search");
        map("google_ads", "1234567891", campaign, "paid_search");
        map("meta", "Winter Sale Prospecting", campaign, "social_media");
        map("linkedin", "612345678", campaign, "social_media");
        map("microsoft_ads", "Winter Sale Bing", campaign, "paid_search");

        ApiGateway.Response google = upload("google_ads", fixture("google_ads.csv"));
        assertEquals(201, google.status(), google::toString);
        assertEquals(Map.of("imported", 3, "unchanged", 0, "corrected", 0, "rejected", 2, "skipped_lines", 2), google.json().getMap("data.report.counts"));
        List<Map<String, Object>> rows = google.json().getList("data.report.rows");
        assertEquals("rejected", rows.get(3).get("status"));
        assertTrue(((String) rows.get(3).get("reason")).contains("no mapping for campaign '555000111'"), rows.get(3)::toString);
        assertTrue(((String) rows.get(4).get("reason")).contains("USD"), "a row in another currency is refused, never converted");
        assertEquals("2221.66", spent(campaign), "1,234.56 + 987.10 + 0 (--)");

        ApiGateway.Response meta = upload("meta", fixture("meta.csv"));
        assertEquals(Map.of("imported", 2, "unchanged", 0, "corrected", 0, "rejected", 1, "skipped_lines", 0), meta.json().getMap("data.report.counts"));
        assertTrue(meta.body().contains("more than one day"));
        ApiGateway.Response linkedin = upload("linkedin", fixture("linkedin.csv"));
        assertEquals(2, linkedin.json().getInt("data.report.counts.imported"), linkedin::toString);
        ApiGateway.Response microsoft = upload("microsoft_ads", fixture("microsoft_ads.csv"));
        assertEquals(Map.of("imported", 2, "unchanged", 0, "corrected", 0, "rejected", 0, "skipped_lines", 2), microsoft.json().getMap("data.report.counts"));
        ApiGateway.Response generic = upload("generic", fixture("generic.csv").replace("{campaign}", campaign));
        assertEquals(Map.of("imported", 2, "unchanged", 0, "corrected", 0, "rejected", 1, "skipped_lines", 0), generic.json().getMap("data.report.counts"));
        // 2221.66 + 410.39 (Meta) + 155.25 (LinkedIn) + 89.10 (Microsoft) + 22.50 (generic)
        assertEquals("2898.90", spent(campaign));
        int written = entries(campaign);

        // the same files again: nothing written
        for (String[] file : new String[][] { { "google_ads", fixture("google_ads.csv") }, { "meta", fixture("meta.csv") },
                { "linkedin", fixture("linkedin.csv") }, { "microsoft_ads", fixture("microsoft_ads.csv") },
                { "generic", fixture("generic.csv").replace("{campaign}", campaign) } }) {
            ApiGateway.Response again = upload(file[0], file[1]);
            assertEquals(0, again.json().getInt("data.report.counts.imported") + again.json().getInt("data.report.counts.corrected"), again::toString);
        }
        assertEquals("2898.90", spent(campaign));
        assertEquals(written, entries(campaign));

        // Google Ads restates a day: one correcting entry for the difference, up and then down
        String restated = fixture("google_ads.csv").replace("987.10", "\"1,000.00\"");
        ApiGateway.Response corrected = upload("google_ads", restated);
        assertEquals(1, corrected.json().getInt("data.report.counts.corrected"), corrected::toString);
        assertEquals(2, corrected.json().getInt("data.report.counts.unchanged"));
        assertEquals("2911.80", spent(campaign));
        ApiGateway.Response back = upload("google_ads", fixture("google_ads.csv"));
        assertEquals(1, back.json().getInt("data.report.counts.corrected"), back::toString);
        assertEquals("2898.90", spent(campaign));
        assertEquals(written + 2, entries(campaign), "two correcting entries, nothing rewritten");

        // the stored report reads back
        ApiGateway.Response stored = Api.analyst().get(IMPORTS + "/" + back.json().getString("data.id"));
        assertEquals(200, stored.status(), stored::toString);
        assertEquals(1, stored.json().getInt("data.report.counts.corrected"));
    }

    @Test
    void aFileWithTheLongestNameIsImportedItsReferenceCutToTheLedgers() {
        String campaign = Api.launched("Long file name", "1000.00", "email");
        String day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).minusDays(1).toString();
        String name = "x".repeat(251) + ".csv";
        ApiGateway.Response imported = Api.admin().header("content-type", "text/csv").send("POST", IMPORTS + "?platform=generic&file_name="
                + name, "date,campaign,channel,amount,currency\n" + day + "," + campaign + ",email,12.50,EUR\n", false);
        assertEquals(201, imported.status(), imported::toString);
        assertEquals(1, imported.json().getInt("data.report.counts.imported"), imported::toString);
        String reference = Api.admin().get(Api.CAMPAIGNS + "/" + campaign + "/spend").json().getString("data[0].external_reference");
        assertEquals(255, reference.length(), reference);
    }

    @Test
    void aFileThatIsNotTheLayoutOrNotCsvIsRefusedAndNothingWritten() {
        String campaign = Api.launched("Refused imports", "1000.00", "email");
        ApiGateway.Response wrong = upload("google_ads", fixture("meta.csv"));
        assertEquals(400, wrong.status(), wrong::toString);
        assertTrue(wrong.body().contains("Currency code"), wrong::toString);
        assertEquals(400, upload("facebook", "a,b").status());
        assertEquals(400, upload("generic", "date,campaign,amount,currency\n\"2026-11-01,x").status());
        ApiGateway.Response missing = Api.admin().post(IMPORTS + "/mappings", """
                {"platform": "meta", "external_campaign": "x", "campaign_id": "%s", "channel_id": "tv"}""".formatted(campaign));
        assertEquals(400, missing.status(), missing::toString);
        assertEquals(403, Api.analyst().header("content-type", "text/csv").send("POST", IMPORTS + "?platform=generic", "date", false).status());
        assertEquals("0.00", spent(campaign));
    }
}
