package dev.campaignfn.functions.analytics;

import static dev.campaignfn.functions.analytics.Expected.assertMoney;
import static dev.campaignfn.functions.analytics.Expected.assertPoint;
import static dev.campaignfn.functions.analytics.Expected.assertSummary;
import static dev.campaignfn.functions.analytics.Expected.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.campaignfn.kpi.KpiCommand;
import dev.campaignfn.kpi.KpiService;
import dev.campaignfn.kpi.KpiView;
import dev.campaignfn.metrics.Metric;
import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.TestClock;
import dev.campaignfn.tracking.EventType;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;

/**
 * Every report, checked against the tests' own arithmetic over the events and spend they sent:
 * random campaigns, periods, bucketings, zones (the campaign's own and others, across DST changes and
 * at :30 and :45 offsets), filters, breakdowns and bots, with part of the events folded into the
 * rollups, part in the raw tail, and late events among them.
 */
@QuarkusTest
class ReportAccuracyTest {

    static final String BASE = "/v1/marketing/admin/analytics";
    static final String[] ZONES = { "UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
            "Pacific/Chatham", "America/St_Johns" };

    @Inject
    World world;

    @Inject
    KpiService kpis;

    @BeforeEach
    void history() {
        world.build();
    }

    static ApiGateway.Request analyst() {
        return ApiGateway.as("ana@example.com", "analyst");
    }

    /** One random question and the filters it carries. */
    record Question(UUID campaign, ZoneId zone, String tz, LocalDate first, LocalDate last, String groupBy, String filterName,
            String filterValue, boolean bots) {

        String query() {
            List<String> pairs = new ArrayList<>(List.of("start_date", first.toString(), "end_date", last.toString(), "group_by",
                    groupBy, "include_bots", String.valueOf(bots)));
            if (tz != null) {
                pairs.addAll(List.of("tz", tz));
            }
            if (filterName != null) {
                pairs.addAll(List.of(filterName, filterValue));
            }
            return ApiGateway.query(pairs.toArray(String[]::new));
        }

        boolean costKnown() {
            return filterName == null || filterName.equals("channel");
        }

        Predicate<World.Sent> events(LocalDate from, LocalDate to) {
            return e -> e.campaignId().equals(campaign) && within(e.at(), zone, from, to) && (bots || !e.bot()) && passes(e);
        }

        Predicate<World.Spent> spend(LocalDate from, LocalDate to) {
            return s -> s.campaignId().equals(campaign) && within(s.at(), zone, from, to)
                    && (!"channel".equals(filterName) || filterValue.equals(s.channel()));
        }

        boolean passes(World.Sent e) {
            if (filterName == null) {
                return true;
            }
            return switch (filterName) {
                case "channel" -> filterValue.equals(e.channel());
                case "audience_segment" -> filterValue.equals(e.segment());
                default -> filterValue.equals(e.device().wire());
            };
        }

        @Override
        public String toString() {
            return campaign + " " + query();
        }
    }

    Question randomQuestion(Random random) {
        List<UUID> ids = world.ids();
        UUID campaign = ids.get(random.nextInt(ids.size()));
        String tz = random.nextInt(3) == 0 ? ZONES[random.nextInt(ZONES.length)] : null;
        ZoneId zone = tz != null ? ZoneId.of(tz) : world.zones.get(campaign);
        LocalDate today = LocalDate.ofInstant(TestClock.CLOCK.instant(), zone);
        LocalDate last = today.minusDays(random.nextInt(25));
        LocalDate first = last.minusDays(random.nextInt(70));
        String groupBy = new String[] { "day", "week", "month" }[random.nextInt(3)];
        String filterName = null;
        String filterValue = null;
        switch (random.nextInt(8)) {
            case 0, 1 -> {
                filterName = "channel";
                filterValue = World.CHANNELS.get(random.nextInt(World.CHANNELS.size()));
            }
            case 2 -> {
                filterName = "audience_segment";
                filterValue = new String[] { "new", "returning", "vip" }[random.nextInt(3)];
            }
            case 3 -> {
                filterName = "device_type";
                filterValue = new String[] { "desktop", "mobile", "tablet" }[random.nextInt(3)];
            }
            default -> {
            }
        }
        return new Question(campaign, zone, tz, first, last, groupBy, filterName, filterValue, random.nextInt(4) == 0);
    }

    /** The buckets of a period as the test understands them: first day, last day (inside the period), label. */
    static List<LocalDate[]> buckets(LocalDate first, LocalDate last, String groupBy) {
        Map<LocalDate, LocalDate[]> buckets = new LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate label = switch (groupBy) {
                case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case "month" -> day.withDayOfMonth(1);
                default -> day;
            };
            LocalDate current = day;
            buckets.computeIfAbsent(label, l -> new LocalDate[] { l, current, current })[2] = day;
        }
        return new ArrayList<>(buckets.values());
    }

    @Test
    void campaignReportsEqualTheirOwnArithmetic() {
        Random random = new Random(42);
        for (int q = 0; q < 60; q++) {
            Question question = randomQuestion(random);
            ApiGateway.Response answer = analyst().get(BASE + "/campaigns/" + question.campaign() + "?" + question.query());
            assertEquals(200, answer.status(), answer::toString);
            JsonNode json = Expected.json(answer);
            String context = question.toString();
            assertEquals(question.zone().getId(), text(json, "/data/time_zone"), context);
            assertEquals(world.currencies.get(question.campaign()), text(json, "/data/currency"), context);
            assertEquals(question.first().toString(), text(json, "/data/period/start_date"), context);
            assertEquals(question.campaign().toString(), text(json, "/data/campaign/id"), context);

            Expected.Totals total = Expected.totals(world.events, question.events(question.first(), question.last()), world.spends,
                    question.spend(question.first(), question.last()), question.costKnown());
            assertSummary(json.at("/data/summary"), total, context);
            assertMoney(question.filterName() == null && !question.bots() ? clv(question.campaign(),
                    question.last().plusDays(1).atStartOfDay(question.zone()).toInstant()) : null, json.at("/data/summary/clv"), context + " clv");

            List<LocalDate[]> buckets = buckets(question.first(), question.last(), question.groupBy());
            assertEquals(buckets.size(), json.at("/data/daily_stats").size(), context);
            for (int i = 0; i < buckets.size(); i++) {
                LocalDate[] bucket = buckets.get(i);
                JsonNode point = json.at("/data/daily_stats/" + i);
                // a week or month cut by the period's start is dated by its first day inside the period
                assertEquals(bucket[1].toString(), point.path("date").asText(), context);
                assertEquals(bucket[1].toString(), point.path("analytics_date").asText(), context);
                assertEquals(question.campaign().toString(), point.path("campaign_id").asText(), context);
                assertEquals(bucket[1].toString(), point.path("start_date").asText(), context);
                assertEquals(bucket[2].toString(), point.path("end_date").asText(), context);
                assertPoint(point, Expected.totals(world.events, question.events(bucket[1], bucket[2]), world.spends,
                        question.spend(bucket[1], bucket[2]), question.costKnown()), context + " point " + i);
            }

            long days = question.last().toEpochDay() - question.first().toEpochDay() + 1;
            LocalDate previousFirst = question.first().minusDays(days);
            LocalDate previousLast = question.first().minusDays(1);
            Expected.Totals previous = Expected.totals(world.events, question.events(previousFirst, previousLast), world.spends,
                    question.spend(previousFirst, previousLast), question.costKnown());
            assertEquals(previousFirst.toString(), text(json, "/data/previous_period/period/start_date"), context);
            assertSummary(json.at("/data/previous_period/summary"), previous, context + " previous");
            assertMoney(change(BigDecimal.valueOf(total.views), BigDecimal.valueOf(previous.views)),
                    json.at("/data/period_change_exact/views"), context + " views change");
            assertMoney(change(total.ctr(), previous.ctr()), json.at("/data/period_change_exact/ctr"), context + " ctr change");
            assertMoney(change(total.roas(), previous.roas()), json.at("/data/period_change_exact/roas"), context + " roas change");
            // seed 004's period_change: the same numbers, 0 where there is nothing to compare with
            for (String metric : List.of("views", "ctr", "roas")) {
                JsonNode exact = json.at("/data/period_change_exact/" + metric);
                JsonNode seed = json.at("/data/period_change/" + metric);
                assertTrue(seed.isNumber(), context + " " + metric + " is a number");
                assertEquals(0, (exact.isNull() ? BigDecimal.ZERO : exact.decimalValue()).compareTo(seed.decimalValue()), context + " " + metric);
            }
        }
    }

    /** The text at a JSON pointer, or null for null or absent. */
    static String text(JsonNode json, String pointer) {
        JsonNode node = json.at(pointer);
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    /** Seed 000's customer lifetime value up to a moment: conversions' revenue per distinct converting session (the world's customers). */
    BigDecimal clv(UUID campaign, Instant before) {
        List<World.Sent> conversions = world.events.stream().filter(e -> e.campaignId().equals(campaign) && !e.bot()
                && e.type() == EventType.CONVERSION && e.at().isBefore(before)).toList();
        long customers = conversions.stream().map(World.Sent::session).distinct().count();
        BigDecimal revenue = conversions.stream().map(e -> e.value() == null ? BigDecimal.ZERO : e.value()).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        return customers == 0 ? null : Expected.ratio(revenue, BigDecimal.valueOf(customers), BigDecimal.ONE);
    }

    static BigDecimal change(BigDecimal current, BigDecimal previous) {
        if (current == null || previous == null || previous.signum() == 0) {
            return null;
        }
        return Expected.ratio(current.subtract(previous), previous.abs(), Expected.HUNDRED);
    }

    @Test
    void segmentsAddUpPerValue() {
        Random random = new Random(7);
        for (int q = 0; q < 25; q++) {
            Question question = randomQuestion(random);
            String segmentBy = new String[] { "audience_segment", "channel", "device_type" }[random.nextInt(3)];
            ApiGateway.Response answer = analyst().get(BASE + "/campaigns/" + question.campaign() + "/segmented?" + question.query()
                    + "&segment_by=" + segmentBy);
            assertEquals(200, answer.status(), answer::toString);
            JsonNode json = Expected.json(answer);
            String context = question + " by " + segmentBy;
            Set<String> expectedValues = new HashSet<>();
            synchronized (world.events) {
                world.events.stream().filter(question.events(question.first(), question.last()))
                        .forEach(e -> expectedValues.add(segmentOf(e, segmentBy)));
            }
            if ("channel".equals(segmentBy) && question.costKnown()) {
                world.spends.stream().filter(question.spend(question.first(), question.last()))
                        .forEach(s -> expectedValues.add(s.channel() == null ? "unknown" : s.channel()));
            }
            List<String> segments = new ArrayList<>();
            json.at("/data/segments").forEach(segment -> segments.add(segment.path("segment").asText()));
            assertEquals(expectedValues, new HashSet<>(segments), context);
            for (int i = 0; i < segments.size(); i++) {
                String value = segments.get(i);
                boolean costKnown = question.costKnown() && "channel".equals(segmentBy);
                Predicate<World.Spent> spend = question.spend(question.first(), question.last())
                        .and(s -> Objects.equals(s.channel() == null ? "unknown" : s.channel(), value));
                Expected.Totals expected = Expected.totals(world.events,
                        question.events(question.first(), question.last()).and(e -> segmentOf(e, segmentBy).equals(value)), world.spends,
                        spend, costKnown);
                assertSummary(json.at("/data/segments/" + i + "/summary"), expected, context + " " + value);
                List<LocalDate[]> buckets = buckets(question.first(), question.last(), question.groupBy());
                int b = random.nextInt(buckets.size());
                LocalDate[] bucket = buckets.get(b);
                assertPoint(json.at("/data/segmented_stats/" + value + "/" + b), Expected.totals(world.events,
                        question.events(bucket[1], bucket[2]).and(e -> segmentOf(e, segmentBy).equals(value)), world.spends,
                        question.spend(bucket[1], bucket[2]).and(s -> Objects.equals(s.channel() == null ? "unknown" : s.channel(), value)),
                        costKnown), context + " " + value + " bucket " + b);
            }
        }
    }

    static String segmentOf(World.Sent e, String dimension) {
        String value = switch (dimension) {
            case "channel" -> e.channel();
            case "audience_segment" -> e.segment();
            default -> e.device().wire();
        };
        return value == null ? "unknown" : value;
    }

    @Test
    void comparisonRanksCampaignsByTheirOwnFigures() {
        List<UUID> ids = world.ids();
        Random random = new Random(3);
        for (int q = 0; q < 6; q++) {
            List<UUID> chosen = new ArrayList<>(ids);
            java.util.Collections.shuffle(chosen, random);
            chosen = chosen.subList(0, 2 + random.nextInt(ids.size() - 1));
            LocalDate last = LocalDate.ofInstant(TestClock.CLOCK.instant(), ZoneId.of("UTC")).minusDays(random.nextInt(10));
            LocalDate first = last.minusDays(random.nextInt(60));
            ApiGateway.Response answer = analyst().get(BASE + "/compare?" + ApiGateway.query("campaign_ids",
                    String.join(",", chosen.stream().map(UUID::toString).toList()), "start_date", first.toString(), "end_date",
                    last.toString()));
            assertEquals(200, answer.status(), answer::toString);
            JsonNode json = Expected.json(answer);
            Map<UUID, Expected.Totals> expected = new LinkedHashMap<>();
            for (int i = 0; i < chosen.size(); i++) {
                UUID id = chosen.get(i);
                ZoneId zone = world.zones.get(id);
                Expected.Totals t = Expected.totals(world.events, e -> e.campaignId().equals(id) && !e.bot() && within(e.at(), zone, first,
                        last), world.spends, s -> s.campaignId().equals(id) && within(s.at(), zone, first, last), true);
                expected.put(id, t);
                JsonNode row = json.at("/data/comparison/" + i);
                assertEquals(id.toString(), row.path("campaign_id").asText());
                assertEquals(world.names.get(id), row.path("campaign_name").asText());
                assertSummary(row, t, "compare " + id);
            }
            UUID best = expected.entrySet().stream().filter(e -> e.getValue().roas() != null)
                    .max(Comparator.comparing(e -> e.getValue().roas())).map(Map.Entry::getKey).orElse(null);
            assertEquals(String.valueOf(best), String.valueOf(text(json, "/data/best/campaign_id")));
            UUID mostClicks = expected.entrySet().stream().max(Comparator.comparingLong(e -> e.getValue().clicks)).get().getKey();
            assertEquals(expected.get(mostClicks).clicks, json.at("/data/leaders/clicks/value").asLong(-1));
            boolean mixed = chosen.stream().map(world.currencies::get).distinct().count() > 1;
            assertEquals(mixed, json.at("/data/mixed_currencies").asBoolean());
            if (mixed) {
                assertTrue(json.at("/data/leaders/cpa").isNull(), "money is not ranked across currencies");
                assertTrue(json.at("/data/currency").isNull());
            } else {
                assertEquals(world.currencies.get(chosen.get(0)), text(json, "/data/currency"));
            }
            boolean sharedZone = chosen.stream().map(world.zones::get).distinct().count() == 1;
            assertEquals(sharedZone ? world.zones.get(chosen.get(0)).getId() : "campaign", text(json, "/data/time_zone"));
        }
    }

    @Test
    void dashboardAddsEveryCampaignOfOneCurrency() {
        List<UUID> ids = world.ids();
        for (String groupBy : List.of("day", "week")) {
            ApiGateway.Response answer = analyst().get(BASE + "/dashboard?" + ApiGateway.query("campaign_ids",
                    String.join(",", ids.stream().map(UUID::toString).toList()), "date_range", "30d", "group_by", groupBy));
            assertEquals(200, answer.status(), answer::toString);
            JsonNode json = Expected.json(answer);
            assertEquals("EUR", text(json, "/data/currency"), "most campaigns report in EUR");
            assertEquals("USD", text(json, "/data/other_currencies/0/currency"));
            assertEquals("campaign", text(json, "/data/time_zone"), "each campaign counts its own days");
            LocalDate today = LocalDate.ofInstant(TestClock.CLOCK.instant(), ZoneId.of("UTC"));
            LocalDate first = today.minusDays(29);
            List<UUID> euro = ids.stream().filter(id -> world.currencies.get(id).equals("EUR")).toList();
            Predicate<World.Sent> events = e -> euro.contains(e.campaignId()) && !e.bot()
                    && within(e.at(), world.zones.get(e.campaignId()), first, today);
            Predicate<World.Spent> spend = s -> euro.contains(s.campaignId()) && within(s.at(), world.zones.get(s.campaignId()), first, today);
            Expected.Totals total = Expected.totals(world.events, events, world.spends, spend, true);
            assertEquals(euro.size(), json.at("/data/summary/total_campaigns").asInt(-1));
            assertEquals(euro.size(), json.at("/data/summary/active_campaigns").asInt(-1));
            assertSummary(json.at("/data/summary"), total, "dashboard");
            List<LocalDate[]> buckets = buckets(first, today, groupBy);
            assertEquals(buckets.size(), json.at("/data/trends").size());
            for (int i = 0; i < buckets.size(); i++) {
                LocalDate[] bucket = buckets.get(i);
                assertPoint(json.at("/data/trends/" + i), Expected.totals(world.events, e -> euro.contains(e.campaignId()) && !e.bot()
                        && within(e.at(), world.zones.get(e.campaignId()), bucket[1], bucket[2]), world.spends,
                        s -> euro.contains(s.campaignId()) && within(s.at(), world.zones.get(s.campaignId()), bucket[1], bucket[2]), true),
                        "trend " + i);
            }
            for (int i = 0; i < json.at("/data/by_channel").size(); i++) {
                String channel = json.at("/data/by_channel/" + i + "/channel").asText();
                assertSummary(json.at("/data/by_channel/" + i), Expected.totals(world.events, events.and(e -> channel.equals(e.channel())),
                        world.spends, spend.and(s -> channel.equals(s.channel() == null ? "unknown" : s.channel())), true), channel);
            }
            List<BigDecimal> roas = new ArrayList<>();
            json.at("/data/top_campaigns").forEach(top -> roas.add(top.path("roas").decimalValue()));
            for (int i = 1; i < roas.size(); i++) {
                assertTrue(roas.get(i - 1).compareTo(roas.get(i)) >= 0, "top campaigns by ROAS, highest first: " + roas);
            }
        }
    }

    @Test
    void dashboardKpisAreMeasuredOnlyForTheCampaignsThatHaveThem() {
        List<UUID> euro = world.ids().stream().filter(id -> world.currencies.get(id).equals("EUR")).toList();
        UUID measured = euro.get(euro.size() - 1);
        KpiView kpi = kpis.create(measured, new KpiCommand("Clicks", Metric.CLICKS, new BigDecimal("1000000"), null, null, null), World.PLANNER);
        try {
            JsonNode json = Expected.json(analyst().get(BASE + "/dashboard?" + ApiGateway.query("campaign_ids",
                    String.join(",", euro.stream().map(UUID::toString).toList()), "date_range", "30d")));
            assertEquals(1, json.at("/data/kpis").size(), "only the campaign with a KPI lists one: " + json.at("/data/kpis"));
            assertEquals(measured.toString(), text(json, "/data/kpis/0/campaign_id"));
            long clicks = world.events.stream().filter(e -> e.campaignId().equals(measured) && !e.bot() && e.type() == EventType.CLICK)
                    .count();
            assertEquals(0, BigDecimal.valueOf(clicks).compareTo(new BigDecimal(text(json, "/data/kpis/0/current"))),
                    "the KPI counts the campaign's clicks of its whole life");
        } finally {
            kpis.delete(measured, kpi.id(), World.PLANNER);
        }
    }

    @Test
    void funnelChannelsAndRoiOfOneCampaign() {
        UUID id = world.ids().get(1);
        ZoneId zone = world.zones.get(id);
        LocalDate today = LocalDate.ofInstant(TestClock.CLOCK.instant(), zone);
        LocalDate first = today.minusDays(29);
        Predicate<World.Sent> events = e -> e.campaignId().equals(id) && !e.bot() && within(e.at(), zone, first, today);
        Predicate<World.Spent> spend = s -> s.campaignId().equals(id) && within(s.at(), zone, first, today);
        Expected.Totals total = Expected.totals(world.events, events, world.spends, spend, true);

        JsonNode funnel = Expected.json(analyst().get(BASE + "/campaigns/" + id + "/funnel?date_range=30d"));
        assertEquals(total.impressions, funnel.at("/data/steps/0/count").asLong());
        assertEquals(total.clicks, funnel.at("/data/steps/1/count").asLong());
        assertEquals(total.conversions, funnel.at("/data/steps/2/count").asLong());
        assertMoney(total.ctr(), funnel.at("/data/steps/1/rate_from_previous"), "funnel ctr");
        assertMoney(total.cvr(), funnel.at("/data/steps/2/rate_from_previous"), "funnel cvr");
        assertMoney(Expected.ratio(BigDecimal.valueOf(total.conversions), BigDecimal.valueOf(total.impressions), Expected.HUNDRED),
                funnel.at("/data/overall_conversion_rate"), "funnel overall");

        JsonNode channels = Expected.json(analyst().get(BASE + "/campaigns/" + id + "/channels?date_range=30d"));
        assertSummary(channels.at("/data/totals"), total, "channels total");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < channels.at("/data/channels").size(); i++) {
            String channel = channels.at("/data/channels/" + i + "/channel").asText();
            names.add(channel);
            assertSummary(channels.at("/data/channels/" + i + "/summary"), Expected.totals(world.events,
                    events.and(e -> channel.equals(e.channel())), world.spends,
                    spend.and(s -> channel.equals(s.channel() == null ? "unknown" : s.channel())), true), "channel " + channel);
        }
        assertTrue(names.containsAll(World.CHANNELS), names::toString);

        // lifetime ROI: from the campaign's first day to today
        LocalDate start = LocalDate.ofInstant(TestClock.CLOCK.instant().minus(java.time.Duration.ofDays(World.DAYS + 5)), zone);
        Expected.Totals lifetime = Expected.totals(world.events, e -> e.campaignId().equals(id) && !e.bot()
                && within(e.at(), zone, start, today), world.spends, s -> s.campaignId().equals(id) && within(s.at(), zone, start, today),
                true);
        JsonNode roi = Expected.json(analyst().get(BASE + "/campaigns/" + id + "/roi")).path("data");
        assertMoney(lifetime.revenue, roi.get("revenue"), "roi revenue");
        assertMoney(lifetime.cost, roi.get("cost"), "roi cost");
        assertMoney(lifetime.revenue.subtract(lifetime.cost), roi.get("profit"), "roi profit");
        assertMoney(lifetime.roi(), roi.get("roi"), "roi");
        assertMoney(lifetime.roas(), roi.get("roas"), "roas");
        long running = today.toEpochDay() - start.toEpochDay() + 1;
        assertEquals(running, roi.path("days_running").asLong());
        long breakEven = lifetime.cost.multiply(BigDecimal.valueOf(lifetime.conversions))
                .divide(lifetime.revenue, 0, java.math.RoundingMode.CEILING).longValueExact();
        assertEquals(breakEven, roi.path("break_even_conversions").asLong());
        // the payback day: the first day on which cumulative revenue reached cumulative cost
        Long payback = null;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (LocalDate day = start; !day.isAfter(today) && payback == null; day = day.plusDays(1)) {
            LocalDate d = day;
            Expected.Totals t = Expected.totals(world.events, e -> e.campaignId().equals(id) && !e.bot() && within(e.at(), zone, d, d),
                    world.spends, s -> s.campaignId().equals(id) && within(s.at(), zone, d, d), true);
            revenue = revenue.add(t.revenue);
            cost = cost.add(t.cost);
            if (cost.signum() > 0 && revenue.compareTo(cost) >= 0) {
                payback = d.toEpochDay() - start.toEpochDay() + 1;
            }
        }
        assertEquals(payback, roi.path("payback_period_days").isNull() ? null : roi.path("payback_period_days").asLong());
        long remaining = LocalDate.ofInstant(TestClock.CLOCK.instant().plus(java.time.Duration.ofDays(30)).minusNanos(1), zone)
                .toEpochDay() - today.toEpochDay();
        assertEquals(remaining, roi.at("/projection/remaining_days").asLong());
        assertMoney(lifetime.revenue.multiply(BigDecimal.valueOf(running + remaining))
                .divide(BigDecimal.valueOf(running), 2, java.math.RoundingMode.HALF_UP), roi.at("/projection/projected_revenue"),
                "projected revenue");
    }
}
