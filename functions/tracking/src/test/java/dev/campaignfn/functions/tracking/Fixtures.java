package dev.campaignfn.functions.tracking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.campaignfn.campaign.CampaignType;
import dev.campaignfn.common.Actor;
import dev.campaignfn.lifecycle.CampaignCommand;
import dev.campaignfn.lifecycle.CampaignLifecycle;
import dev.campaignfn.lifecycle.CampaignService;
import dev.campaignfn.testing.TestClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Campaigns in the states the tracking rules care about, made through the domain services. */
@ApplicationScoped
public class Fixtures {

    static final Actor PLANNER = new Actor("planner@example.com");

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignLifecycle lifecycle;

    public UUID draft(String currency, String zone) {
        Instant now = TestClock.CLOCK.instant();
        return campaigns.create(new CampaignCommand("Tracking " + UUID.randomUUID(), null, CampaignType.MULTICHANNEL,
                now.minus(Duration.ofDays(60)), now.plus(Duration.ofDays(60)), new BigDecimal("1000"), currency, zone, null,
                List.of("email", "facebook"), List.of("Sell"), null), PLANNER).id();
    }

    public UUID active(String currency, String zone) {
        UUID id = draft(currency, zone);
        lifecycle.launch(id, PLANNER);
        return id;
    }

    public UUID active() {
        return active("EUR", "Europe/Paris");
    }

    public UUID paused() {
        UUID id = active();
        lifecycle.pause(id, "test", PLANNER);
        return id;
    }

    public UUID scheduled() {
        Instant now = TestClock.CLOCK.instant();
        UUID id = campaigns.create(new CampaignCommand("Scheduled " + UUID.randomUUID(), null, CampaignType.EMAIL,
                now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(9)), new BigDecimal("10"), "EUR", "UTC", null, null,
                null, null), PLANNER).id();
        lifecycle.launch(id, PLANNER);
        return id;
    }
}
