package dev.campaignfn.functions.campaigns;

import static dev.campaignfn.functions.campaigns.Api.CAMPAIGNS;
import static dev.campaignfn.functions.campaigns.Api.admin;
import static dev.campaignfn.functions.campaigns.Api.analyst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.campaignfn.testing.ApiGateway;
import io.quarkus.test.junit.QuarkusTest;

/** Tracked links are managed here and followed by the tracking function's /r/{slug}. */
@QuarkusTest
class LinkAdminTest {

    @Test
    void linksAreCreatedWithTheirRedirectAndSlugsAreUnique() {
        String id = Api.createRunningWindow("Links", "10", "email");
        ApiGateway.Response created = admin().post(CAMPAIGNS + "/" + id + "/links", """
                {"destination_url": "https://shop.example.com/p?id=7", "channel": "email", "utm_source": "Newsletter",
                 "utm_medium": "email", "utm_campaign": "spring"}
                """);
        assertEquals(201, created.status(), created::toString);
        String slug = created.json().getString("data.slug");
        assertTrue(slug.matches("[A-Za-z0-9]{8}"), slug);
        assertEquals("https://shop.example.com/p?id=7&utm_source=Newsletter&utm_medium=email&utm_campaign=spring",
                created.json().getString("data.redirects_to"));
        ApiGateway.Response taken = admin().post(CAMPAIGNS + "/" + id + "/links",
                "{\"slug\": \"" + slug + "\", \"destination_url\": \"https://example.com/\"}");
        assertEquals(409, taken.status());
        assertEquals("slug_taken", taken.json().getString("code"));
        String linkId = created.json().getString("data.id");
        ApiGateway.Response disabled = admin().put(CAMPAIGNS + "/" + id + "/links/" + linkId,
                "{\"destination_url\": \"https://shop.example.com/p?id=8\", \"disabled\": true}");
        assertEquals(200, disabled.status(), disabled::toString);
        assertEquals(true, disabled.json().getBoolean("data.disabled"));
        assertEquals(1, analyst().get(CAMPAIGNS + "/" + id + "/links").json().getList("data").size());
        assertEquals(204, admin().delete(CAMPAIGNS + "/" + id + "/links/" + linkId).status());
    }

    @Test
    void onlyPlainWebDestinationsAreRegistered() {
        String id = Api.createRunningWindow("Link destinations", "10", "email");
        for (String bad : new String[] { "javascript:alert(1)", "//evil.example.net/", "ftp://files.example.com/x",
                "https://user:secret@example.com/", "https://exa mple.com/", "data:text/html,hi", "https:///nohost" }) {
            ApiGateway.Response refused = admin().post(CAMPAIGNS + "/" + id + "/links", "{\"destination_url\": \"" + bad + "\"}");
            assertEquals(400, refused.status(), bad + " -> " + refused);
            assertEquals("destination_url", refused.json().getString("errors[0].field"));
        }
        assertEquals(400, admin().post(CAMPAIGNS + "/" + id + "/links",
                "{\"slug\": \"a/b\", \"destination_url\": \"https://example.com/\"}").json().getInt("status"));
    }
}
