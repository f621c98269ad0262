package dev.campaignfn.functions.local;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.campaignfn.budget.BudgetCommand;
import dev.campaignfn.budget.BudgetLedger;
import dev.campaignfn.budget.SpendCommand;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignType;
import dev.campaignfn.common.Actor;
import dev.campaignfn.content.ContentCommand;
import dev.campaignfn.content.ContentPlanService;
import dev.campaignfn.content.ContentStatus;
import dev.campaignfn.kpi.KpiCommand;
import dev.campaignfn.lifecycle.CampaignCommand;
import dev.campaignfn.lifecycle.CampaignLifecycle;
import dev.campaignfn.lifecycle.CampaignService;
import dev.campaignfn.metrics.Metric;
import dev.campaignfn.rollup.RollupFolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Realistic demo data for trying the launcher: campaigns of several types, states, currencies and
 * time zones, with channels, budgets, allocations, daily spend, KPIs, content and tracked events.
 * Everything goes through the same services as the API, so the data obeys the same rules. Loading
 * twice adds nothing.
 */
@ApplicationScoped
public class DemoData {

    @Inject
    Clock clock;

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignLifecycle lifecycle;

    @Inject
    BudgetLedger ledger;

    @Inject
    ContentPlanService content;

    @Inject
    DemoTraffic traffic;

    @Inject
    RollupFolder folder;

    public record Loaded(List<String> created, List<String> alreadyPresent) {
    }

    private record Spec(String name, CampaignType type, String currency, String zone, int startDaysAgo, int days,
            String budget, Map<String, String> allocations, String dailySpend, int dailyImpressions, String finalState,
            List<KpiCommand> kpis) {
    }

    public Loaded load() {
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        List<Spec> specs = List.of(
                new Spec("Spring Sale 2026", CampaignType.MULTICHANNEL, "EUR", "Europe/Paris", 30, 60, "25000.00",
                        ordered("facebook", "8000.00", "google_search", "9000.00", "instagram", "4000.00", "email", "1500.00"),
                        "310.00", 500, "active", List.of(
                                new KpiCommand("Conversions", Metric.CONVERSIONS, new BigDecimal("1200"), null, null, null),
                                new KpiCommand("Return on ad spend", Metric.ROAS, new BigDecimal("3.5"), null, null, null),
                                new KpiCommand("Cost per acquisition", Metric.CPA, new BigDecimal("25"), null, null, null))),
                new Spec("Always-on affiliates", CampaignType.AFFILIATE, "USD", "America/New_York", 60, 365, "40000.00",
                        ordered("affiliate", "30000.00", "email", "5000.00"), "95.00", 300, "active", List.of(
                                new KpiCommand("Revenue", Metric.REVENUE, new BigDecimal("150000"), null, null, null))),
                new Spec("Brand awareness Q4", CampaignType.DISPLAY, "EUR", "Europe/Berlin", 20, 45, "12000.00",
                        ordered("display", "9000.00", "youtube", "2500.00"), "180.00", 600, "paused", List.of(
                                new KpiCommand("Impressions", Metric.IMPRESSIONS, new BigDecimal("2000000"), null, null, null))),
                new Spec("Holiday newsletter", CampaignType.EMAIL, "GBP", "Europe/London", 40, 45, "2000.00",
                        ordered("email", "1800.00"), "40.00", 400, "completed", List.of(
                                new KpiCommand("Click-through rate", Metric.CTR, new BigDecimal("3"), null, null, null))),
                new Spec("Product webinar series", CampaignType.EVENT, "USD", "America/Los_Angeles", -10, 21, "6000.00",
                        ordered("linkedin", "3500.00", "email", "500.00"), null, 0, "scheduled", List.of(
                                new KpiCommand("Registrations", null, new BigDecimal("800"), new BigDecimal("0"), "signups", null))),
                new Spec("Creator launch", CampaignType.INFLUENCER, "EUR", "Europe/Madrid", -30, 30, "15000.00",
                        ordered("tiktok", "9000.00", "instagram", "5000.00"), null, 0, "draft", List.of()));
        List<String> created = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (Spec spec : specs) {
            if (Campaign.count("name = ?1 and createdBy = ?2", spec.name, Actor.DEMO_DATA.name()) > 0) {
                present.add(spec.name);
                continue;
            }
            create(spec, today);
            created.add(spec.name);
        }
        if (!created.isEmpty()) {
            folder.fold();
        }
        return new Loaded(created, present);
    }

    private void create(Spec spec, Instant today) {
        Instant start = today.minus(Duration.ofDays(spec.startDaysAgo));
        Instant end = start.plus(Duration.ofDays(spec.days));
        UUID id = campaigns.create(new CampaignCommand(spec.name, "Demo campaign: " + spec.type.wire() + " in " + spec.currency,
                spec.type, start, end, new BigDecimal(spec.budget), spec.currency, spec.zone, List.of("returning_customers", "prospects"),
                List.copyOf(spec.allocations.keySet()), List.of("Grow revenue", "Reach new customers"), spec.kpis),
                Actor.DEMO_DATA).id();
        Map<String, BigDecimal> allocations = new LinkedHashMap<>();
        spec.allocations.forEach((channel, amount) -> allocations.put(channel, new BigDecimal(amount)));
        BigDecimal contingency = new BigDecimal(spec.budget).subtract(allocations.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        ledger.allocate(id, new BudgetCommand(new BigDecimal(spec.budget), contingency, allocations, spec.currency), Actor.DEMO_DATA);
        int day = 0;
        for (String channel : spec.allocations.keySet()) {
            content.create(id, new ContentCommand("post", spec.name + " - " + channel + " creative", null, channel, null,
                    start.plus(Duration.ofDays(day++)), day % 2 == 0 ? ContentStatus.PUBLISHED : ContentStatus.PLANNED),
                    Actor.DEMO_DATA);
        }
        if (spec.finalState.equals("draft")) {
            return;
        }
        lifecycle.launch(id, Actor.DEMO_DATA);
        if (spec.dailySpend != null) {
            List<String> channels = List.copyOf(spec.allocations.keySet());
            int days = (int) Math.min(spec.startDaysAgo, Duration.between(start, clock.instant()).toDays());
            for (int d = 0; d < days; d++) {
                String channel = channels.get(d % channels.size());
                BigDecimal amount = new BigDecimal(spec.dailySpend).multiply(BigDecimal.valueOf(80 + (d * 37) % 41))
                        .movePointLeft(2).setScale(2, java.math.RoundingMode.HALF_UP);
                ledger.record(id, new SpendCommand(amount, null, channel, "Daily " + channel + " invoice", "demo-" + d,
                        "demo-" + id + "-" + d, start.plus(Duration.ofDays(d)).plus(Duration.ofHours(20)), spec.currency, null),
                        Actor.DEMO_DATA);
            }
        }
        if (spec.dailyImpressions > 0) {
            traffic.send(id, ZoneId.of(spec.zone), start, List.copyOf(spec.allocations.keySet()), spec.dailyImpressions);
        }
        switch (spec.finalState) {
            case "paused" -> lifecycle.pause(id, "Creative refresh", Actor.DEMO_DATA);
            case "completed" -> lifecycle.complete(id, Actor.DEMO_DATA);
            default -> {
            }
        }
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
