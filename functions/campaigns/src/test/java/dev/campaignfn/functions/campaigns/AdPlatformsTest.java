package dev.campaignfn.functions.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.campaignfn.adplatform.AdPlatformSync;
import dev.campaignfn.alert.AlertDelivery;
import dev.campaignfn.automation.RuleEngine;
import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.FakeAdPlatforms;
import dev.campaignfn.testing.FakeAdPlatforms.Change;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Channels connected to Meta, Google Ads and an e-mail webhook, each played by {@link FakeAdPlatforms}: the lifecycle
 * and the budget arrive once on the platform, retries apply nothing twice, a refusing platform leaves the campaign here
 * as it is with the push failed and an alert raised, a missing or failing connection blocks the launch naming the
 * channel, pulled spend equals the platform's figures however often it is pulled, and sync rules act on one channel.
 */
@QuarkusTest
@WithTestResource(FakeAdPlatforms.class)
class AdPlatformsTest {

    static final String CAMPAIGNS = Api.CAMPAIGNS;

    @Inject
    AdPlatformSync sync;

    @Inject
    RuleEngine rules;

    FakeAdPlatforms platforms;

    @BeforeEach
    void platforms() {
        platforms = FakeAdPlatforms.running();
    }

    static String connection(String campaign, String channel) {
        return CAMPAIGNS + "/" + campaign + "/channels/" + channel + "/connection";
    }

    static String metaId() {
        return String.valueOf(120_000_000_000L + (long) (Math.random() * 1_000_000_000L));
    }

    static String googleId() {
        return String.valueOf(20_000_000L + (long) (Math.random() * 1_000_000L));
    }

    String connectMeta(String campaign, String channel, String metaCampaign, String mode) {
        ApiGateway.Response put = Api.superAdmin().put(connection(campaign, channel), """
                {"platform": "meta", "settings": {"ad_account_id": "act_4455", "campaign_id": "%s", "budget_mode": "%s"},
                 "secrets": {"access_token": "%s"}}""".formatted(metaCampaign, mode, FakeAdPlatforms.META_TOKEN));
        assertEquals(200, put.status(), put::toString);
        return check(campaign, channel);
    }

    String connectGoogle(String campaign, String channel, String googleCampaign, String refreshToken) {
        ApiGateway.Response put = Api.superAdmin().put(connection(campaign, channel), """
                {"platform": "google_ads", "settings": {"customer_id": "123-456-7890", "campaign_id": "%s"},
                 "secrets": {"developer_token": "%s", "client_id": "cid.apps.googleusercontent.com", "client_secret": "csecret",
                             "refresh_token": "%s"}}""".formatted(googleCampaign, FakeAdPlatforms.DEVELOPER_TOKEN, refreshToken));
        assertEquals(200, put.status(), put::toString);
        return check(campaign, channel);
    }

    String check(String campaign, String channel) {
        ApiGateway.Response checked = Api.superAdmin().post(connection(campaign, channel) + "/check", null);
        assertEquals(200, checked.status(), checked::toString);
        return checked.json().getString("data.state");
    }

    void allocate(String campaign, String allocations) {
        ApiGateway.Response put = Api.admin().put(CAMPAIGNS + "/" + campaign + "/budget",
                "{\"total_budget\": 1000, \"contingency\": 100, \"allocations\": " + allocations + "}");
        assertEquals(200, put.status(), put::toString);
    }

    /** Runs the job until nothing is due; retries are made due at once (the test plays the waiting). */
    void syncUntilSettled() {
        for (int i = 0; i < 12; i++) {
            sync.run();
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> dev.campaignfn.adplatform.ChannelPush
                    .update("nextAttemptAt = ?1 where status = 'pending'", Instant.now().minusSeconds(1)));
        }
    }

    List<String> values(String platform, String campaign, String field) {
        return platforms.changes(platform, campaign).stream().filter(c -> c.field().equals(field)).map(Change::value).toList();
    }

    /** A campaign running from a day ago whose facebook and google_search channels are connected and checked. */
    record Connected(String id, String meta, String google) {
    }

    Connected connectedCampaign(String name) {
        Connected c = new Connected(Api.createRunningWindow(name + " " + UUID.randomUUID(), "1000", "facebook", "google_search"), metaId(),
                googleId());
        platforms.metaCampaign(c.meta(), "4455");
        platforms.googleCampaign("1234567890", c.google());
        assertEquals("ok", connectMeta(c.id(), "facebook", c.meta(), "lifetime"));
        assertEquals("ok", connectGoogle(c.id(), "google_search", c.google(), FakeAdPlatforms.REFRESH_TOKEN));
        return c;
    }

    @Test
    void lifecycleAndBudgetArriveOnceAndRetriesApplyNothingTwice() {
        Connected c = connectedCampaign("Pushed");
        String id = c.id();
        String meta = c.meta();
        String google = c.google();
        allocate(id, "{\"facebook\": 600, \"google_search\": 300}");

        assertEquals(200, Api.admin().post(CAMPAIGNS + "/" + id + "/launch", null).status());
        // the first answer of each platform is lost after the change was applied: the retry sends the same state again
        platforms.fail(FakeAdPlatforms.META, 1, new FakeAdPlatforms.Failure(0, null, true));
        platforms.fail(FakeAdPlatforms.GOOGLE, 1, FakeAdPlatforms.googleQuota());
        syncUntilSettled();
        assertEquals(List.of("ACTIVE"), values(FakeAdPlatforms.META, meta, "status"));
        assertEquals(List.of("60000"), values(FakeAdPlatforms.META, meta, "lifetime_budget"), "600.00 EUR in cents, once");
        assertEquals(List.of("ENABLED"), values(FakeAdPlatforms.GOOGLE, google, "status"));
        List<String> micros = values(FakeAdPlatforms.GOOGLE, google, "amount_micros");
        assertEquals(1, micros.size(), micros::toString);
        assertTrue(Long.parseLong(micros.get(0)) > 0 && Long.parseLong(micros.get(0)) % 10_000 == 0, micros::toString);

        assertEquals(200, Api.admin().post(CAMPAIGNS + "/" + id + "/pause", "{\"reason\": \"creative review\"}").status());
        platforms.fail(FakeAdPlatforms.META, 2, FakeAdPlatforms.metaRateLimit());
        syncUntilSettled();
        assertEquals(200, Api.admin().post(CAMPAIGNS + "/" + id + "/resume", null).status());
        syncUntilSettled();
        assertEquals(200, Api.admin().post(CAMPAIGNS + "/" + id + "/cancel", "{\"reason\": \"brand change\"}").status());
        syncUntilSettled();
        assertEquals(List.of("ACTIVE", "PAUSED", "ACTIVE", "PAUSED"), values(FakeAdPlatforms.META, meta, "status"));
        assertEquals(List.of("ENABLED", "PAUSED", "ENABLED", "PAUSED"), values(FakeAdPlatforms.GOOGLE, google, "status"));

        JsonPath pushes = Api.admin().get(connection(id, "facebook") + "/pushes").json();
        assertTrue(pushes.getList("data.status").stream().allMatch("sent"::equals), pushes.prettify());
        JsonPath view = Api.admin().get(connection(id, "facebook")).json();
        assertEquals("paused", view.getString("data.queued_status"));
        assertFalse(view.prettify().contains(FakeAdPlatforms.META_TOKEN), "the token is never answered");
        assertTrue(platforms.requests(FakeAdPlatforms.META).stream().noneMatch(r -> r.path().contains("access_token")),
                "the token travels in a header, never in a URL");
    }

    @Test
    void syncRulesActOnOneChannelWithinTheGuardrailsAndTheirDryRunPushesNothing() {
        Connected c = connectedCampaign("Synced");
        String id = c.id();
        String meta = c.meta();
        String google = c.google();
        allocate(id, "{\"facebook\": 500, \"google_search\": 300}");
        assertEquals(200, Api.admin().post(CAMPAIGNS + "/" + id + "/launch", null).status());
        syncUntilSettled();

        String dry = rule(id, true);
        RuleEngine.Decision dryRun = rules.evaluate(UUID.fromString(dry), "slot-dry");
        assertEquals("fired", dryRun.decision());
        syncUntilSettled();
        assertEquals(List.of("ENABLED"), values(FakeAdPlatforms.GOOGLE, google, "status"), "a dry run pushes nothing");

        String live = rule(id, false);
        RuleEngine.Decision fired = rules.evaluate(UUID.fromString(live), "slot-1");
        assertEquals("fired", fired.decision(), fired::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> actions = (List<Map<String, Object>>) fired.outcome().get("actions");
        assertEquals("paused", actions.get(0).get("to"));
        assertEquals(0, new BigDecimal("550.00").compareTo((BigDecimal) actions.get(1).get("to")), actions::toString);
        syncUntilSettled();
        assertEquals(List.of("ENABLED", "PAUSED"), values(FakeAdPlatforms.GOOGLE, google, "status"));
        assertEquals(List.of("ACTIVE"), values(FakeAdPlatforms.META, meta, "status"), "the other channel runs on");
        assertEquals(List.of("50000", "55000"), values(FakeAdPlatforms.META, meta, "lifetime_budget"),
                "asked for 700, moved at most max_budget_change (50)");
        List<String> kinds = Api.admin().get(connection(id, "facebook") + "/pushes").json().getList("data.kind");
        assertEquals(List.of("budget", "budget", "status"), kinds.stream().sorted().toList(),
                "allocated, launched, the rule's budget: the unchanged status is not queued again");
        assertEquals("paused", Api.admin().get(CAMPAIGNS + "/" + id + "/channels/google_search").json().getString("data.status"));
        JsonPath runs = Api.admin().get(CAMPAIGNS + "/" + id + "/rules/" + live + "/runs").json();
        assertEquals("fired", runs.getString("data[0].decision"), runs.prettify());
    }

    /** Seed 000's sync rule: once the run has started, pause Google search and give Facebook 700 (guarded: 50 at most). */
    String rule(String campaign, boolean dryRun) {
        ApiGateway.Response created = Api.admin().post(CAMPAIGNS + "/" + campaign + "/rules", """
                {"name": "sync %s", "trigger": {"type": "time_based", "config": {"hours_after_start": 1}}, "dry_run": %s,
                 "max_budget_change": 50,
                 "actions": [{"type": "pause_channel", "channel": "google_search", "reason": "search paused by rule"},
                             {"type": "set_channel_budget", "channel": "facebook", "amount": 700}]}
                """.formatted(dryRun, dryRun));
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("data.id");
    }

    @Test
    void aRefusingPlatformLeavesTheCampaignAsItIsWithThePushFailedAndAnAlertRaised() {
        String meta = metaId();
        platforms.metaCampaign(meta, "4455");
        String id = Api.createRunningWindow("Refused " + UUID.randomUUID(), "1000", "facebook");
        connectMeta(id, "facebook", meta, "daily");
        assertEquals(200, Api.admin().post(CAMPAIGNS + "/" + id + "/launch", null).status());
        syncUntilSettled();
        platforms.expireMetaToken(FakeAdPlatforms.META_TOKEN);
        try {
            assertEquals(200, Api.admin().post(CAMPAIGNS + "/" + id + "/pause", "{\"reason\": \"stop\"}").status());
            syncUntilSettled();
        } finally {
            platforms.revive(FakeAdPlatforms.META_TOKEN);
        }
        assertEquals("paused", Api.admin().get(CAMPAIGNS + "/" + id).json().getString("data.status"), "the move here stands");
        JsonPath pushes = Api.admin().get(connection(id, "facebook") + "/pushes").json();
        assertEquals("failed", pushes.getString("data[0].status"), pushes.prettify());
        assertEquals(1, pushes.getInt("data[0].attempts"), "a permanent refusal is not retried");
        assertTrue(pushes.getString("data[0].last_error").contains("code 190/463"), pushes.prettify());
        JsonPath view = Api.admin().get(connection(id, "facebook")).json();
        assertEquals("failing", view.getString("data.state"));
        JsonPath alerts = Api.admin().get(CAMPAIGNS + "/" + id + "/alerts").json();
        assertTrue(alerts.getList("data.kind").contains("ad_platform"), alerts.prettify());
        assertEquals(List.of("ACTIVE"), values(FakeAdPlatforms.META, meta, "status"), "nothing reached the platform");

        // a failing connection blocks the next launch, naming the channel
        String other = Api.createRunningWindow("Blocked " + UUID.randomUUID(), "1000", "facebook");
        connectMeta(other, "facebook", "999", "lifetime");
        ApiGateway.Response blocked = Api.admin().post(CAMPAIGNS + "/" + other + "/launch", null);
        assertEquals(409, blocked.status(), blocked::toString);
        assertEquals("channels_not_ready", blocked.json().getString("code"), blocked::toString);
        assertEquals(List.of("facebook"), blocked.json().getList("details.channels"), blocked::toString);
        assertEquals("draft", Api.admin().get(CAMPAIGNS + "/" + other).json().getString("data.status"));
    }

    @Test
    void aMissingOrFailingConnectionBlocksTheLaunchUntilItWorks() {
        String google = googleId();
        platforms.googleCampaign("1234567890", google);
        String id = Api.createRunningWindow("Required " + UUID.randomUUID(), "1000", "youtube", "newsletter");
        ApiGateway.Response missing = Api.admin().post(CAMPAIGNS + "/" + id + "/launch", null);
        assertEquals(409, missing.status(), missing::toString);
        assertEquals(List.of("youtube"), missing.json().getList("details.channels"));
        assertTrue(missing.json().getString("detail").contains("needs a connection"), missing::toString);

        assertEquals("failing", connectGoogle(id, "youtube", google, "1//revoked"));
        JsonPath failing = Api.admin().get(connection(id, "youtube")).json();
        assertTrue(failing.getString("data.state_reason").contains("invalid_grant"), failing.prettify());
        ApiGateway.Response blocked = Api.admin().post(CAMPAIGNS + "/" + id + "/launch", null);
        assertEquals(409, blocked.status(), blocked::toString);
        assertTrue(blocked.json().getString("detail").contains("invalid_grant"), blocked::toString);

        assertEquals("ok", connectGoogle(id, "youtube", google, FakeAdPlatforms.REFRESH_TOKEN));
        assertEquals(200, Api.admin().post(CAMPAIGNS + "/" + id + "/launch", null).status());
    }

    @Test
    void pulledSpendEqualsThePlatformsFiguresHoweverOftenItIsPulled() {
        String meta = metaId();
        String google = googleId();
        FakeAdPlatforms.Campaign metaCampaign = platforms.metaCampaign(meta, "4455");
        FakeAdPlatforms.Campaign googleCampaign = platforms.googleCampaign("1234567890", google);
        String id = Api.create(Api.campaign("Pulled " + UUID.randomUUID(), Instant.now().minusSeconds(12 * 86_400).toString(),
                Instant.now().plusSeconds(20 * 86_400).toString(), "5000", "facebook", "google_search"));
        connectMeta(id, "facebook", meta, "lifetime");
        connectGoogle(id, "google_search", google, FakeAdPlatforms.REFRESH_TOKEN);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        for (int i = 1; i <= 8; i++) {
            metaCampaign.spend.put(today.minusDays(i), new BigDecimal("10.0" + i));
            googleCampaign.spend.put(today.minusDays(i), new BigDecimal("20.5" + i));
        }
        BigDecimal expected = metaCampaign.spend.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(googleCampaign.spend.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));

        JsonPath first = pull(id, "facebook");
        assertEquals(8, first.getInt("data.days.imported"), first.prettify());
        pull(id, "google_search");
        assertEquals(0, expected.compareTo(spent(id)));
        int entries = Api.admin().get(CAMPAIGNS + "/" + id + "/spend?page_size=100").json().getList("data").size();

        JsonPath again = pull(id, "facebook");
        assertEquals(8, again.getInt("data.days.unchanged"), again.prettify());
        pull(id, "google_search");
        assertEquals(0, expected.compareTo(spent(id)), "a second pull changes nothing");
        assertEquals(entries, Api.admin().get(CAMPAIGNS + "/" + id + "/spend?page_size=100").json().getList("data").size());

        metaCampaign.spend.put(today.minusDays(2), new BigDecimal("15.02")); // the platform restated a day: +5.00
        JsonPath corrected = pull(id, "facebook");
        assertEquals(1, corrected.getInt("data.days.corrected"), corrected.prettify());
        assertEquals(0, expected.add(new BigDecimal("5.00")).compareTo(spent(id)));

        googleCampaign.currency = "USD";
        JsonPath refused = pull(id, "google_search");
        assertTrue(refused.getString("data.error").contains("USD"), refused.prettify());
        assertEquals(0, expected.add(new BigDecimal("5.00")).compareTo(spent(id)), "another currency writes nothing");
        assertTrue(Api.admin().get(CAMPAIGNS + "/" + id + "/alerts").json().getList("data.kind").contains("ad_platform"));
    }

    JsonPath pull(String campaign, String channel) {
        ApiGateway.Response pulled = Api.admin().post(connection(campaign, channel) + "/spend-pull", null);
        assertEquals(200, pulled.status(), pulled::toString);
        return pulled.json();
    }

    static BigDecimal spent(String campaign) {
        return new BigDecimal(Api.admin().get(CAMPAIGNS + "/" + campaign + "/budget").json().getString("data.spent"));
    }

    @Test
    void anEmailChannelIsLaunchedThroughTheWebhookWithItsTrackedLinks() {
        String id = Api.createRunningWindow("Mailed " + UUID.randomUUID(), "1000", "newsletter");
        assertEquals(200, Api.admin().put(CAMPAIGNS + "/" + id + "/channels/newsletter", "{\"platform\": \"email\"}").status());
        ApiGateway.Response link = Api.admin().post(CAMPAIGNS + "/" + id + "/links", """
                {"destination_url": "https://shop.example.com/winter", "channel": "newsletter", "utm_source": "newsletter",
                 "utm_medium": "email", "utm_campaign": "winter"}""");
        assertEquals(201, link.status(), link::toString);
        ApiGateway.Response put = Api.superAdmin().put(connection(id, "newsletter"), """
                {"platform": "esp_webhook", "settings": {"url": "%s"}, "secrets": {"signing_secret": "esp-signing-secret-1234"}}"""
                .formatted(platforms.espUrl()));
        assertEquals(200, put.status(), put::toString);
        assertEquals("ok", check(id, "newsletter"));
        assertEquals(200, Api.admin().post(CAMPAIGNS + "/" + id + "/launch", null).status());
        assertEquals(200, Api.admin().post(CAMPAIGNS + "/" + id + "/pause", "{\"reason\": \"hold\"}").status());
        syncUntilSettled();
        List<FakeAdPlatforms.Received> calls = platforms.espCalls().values().stream().filter(r -> r.body().contains(id)).toList();
        FakeAdPlatforms.Received launch = calls.stream().filter(r -> r.body().contains("\"channel.launch\"")).findFirst().orElse(null);
        assertNotNull(launch, calls::toString);
        JsonPath body = new JsonPath(launch.body());
        assertEquals("https://shop.example.com/winter", body.getString("links[0].destination_url"));
        assertNotNull(body.getString("links[0].slug"));
        String timestamp = launch.headers().get("X-campaignfn-timestamp").get(0);
        assertEquals("sha256=" + AlertDelivery.sign("esp-signing-secret-1234", timestamp + "." + launch.body()),
                launch.headers().get("X-campaignfn-signature").get(0));
        assertTrue(calls.stream().anyMatch(r -> r.body().contains("\"channel.status\"") && r.body().contains("\"paused\"")), calls::toString);
    }

    @Test
    void aChannelConnectedWhileItRunsIsPushedAsItIsAndAnUnchangedReplacePushesNothing() {
        String meta = metaId();
        platforms.metaCampaign(meta, "4455");
        String id = Api.launched("Late " + UUID.randomUUID(), "1000", "facebook");
        allocate(id, "{\"facebook\": 400}");
        connectMeta(id, "facebook", meta, "lifetime");
        syncUntilSettled();
        assertEquals(List.of("ACTIVE"), values(FakeAdPlatforms.META, meta, "status"));
        assertEquals(List.of("40000"), values(FakeAdPlatforms.META, meta, "lifetime_budget"));
        ApiGateway.Response same = Api.superAdmin().put(connection(id, "facebook"), """
                {"platform": "meta", "settings": {"ad_account_id": "act_4455", "campaign_id": "%s", "budget_mode": "lifetime"}}"""
                .formatted(meta));
        assertEquals(200, same.status(), same::toString);
        assertEquals("ok", check(id, "facebook"), "the kept token still works");
        assertEquals(2, Api.admin().get(connection(id, "facebook") + "/pushes").json().getList("data").size(), "nothing queued again");
    }

    @Test
    void connectionsAreCheckedAndTheirSecretsNeverAnswered() {
        String id = Api.createRunningWindow("Checked " + UUID.randomUUID(), "1000", "facebook", "newsletter");
        ApiGateway.Response wrongPlatform = Api.superAdmin().put(connection(id, "newsletter"), """
                {"platform": "meta", "settings": {"ad_account_id": "act_1", "campaign_id": "2"}, "secrets": {"access_token": "x"}}""");
        assertEquals(400, wrongPlatform.status(), wrongPlatform::toString);
        assertTrue(wrongPlatform.body().contains("platform"), wrongPlatform::toString);
        ApiGateway.Response incomplete = Api.superAdmin().put(connection(id, "facebook"), """
                {"platform": "meta", "settings": {"ad_account_id": "act_x", "campaign_id": "2", "colour": "red"}, "secrets": {}}""");
        assertEquals(400, incomplete.status(), incomplete::toString);
        for (String field : List.of("secrets.access_token", "settings.ad_account_id", "settings.colour")) {
            assertTrue(incomplete.body().contains(field), field + " in " + incomplete);
        }
        assertEquals(403, Api.admin().put(connection(id, "facebook"), """
                {"platform": "meta", "settings": {"ad_account_id": "act_1", "campaign_id": "2"}, "secrets": {"access_token": "x"}}""")
                .status(), "credentials are operator settings");
        assertEquals(404, Api.admin().get(connection(id, "facebook")).status());
        assertEquals(404, Api.superAdmin().put(connection(id, "nope"), "{\"platform\": \"meta\"}").status());
        ApiGateway.Response unknown = Api.superAdmin().put(connection(id, "facebook"), "{\"platform\": \"myspace\"}");
        assertEquals(400, unknown.status(), unknown::toString);
    }
}
