package dev.campaignfn.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.campaignfn.common.FieldError;

/** Seed 000's plan validation on its own: each mistake found once, named by its field, in the plan's order. */
class CampaignPlannerTest {

    private static final Instant START = Instant.parse("2027-03-01T00:00:00Z");
    private static final Instant END = Instant.parse("2027-03-31T00:00:00Z");
    private final CampaignPlanner planner = new CampaignPlanner();

    private static CampaignPlan.ChannelPlan channel(String id, String budget, CampaignPlan.Tactic... tactics) {
        return new CampaignPlan.ChannelPlan(id, new BigDecimal(budget), List.of(tactics), Map.of());
    }

    private static CampaignPlan.Tactic tactic(String name, Instant from, Instant to, String budget) {
        return new CampaignPlan.Tactic(name, null, from, to, new BigDecimal(budget), Map.of());
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aSoundPlanHasNoErrorsOrWarnings() {
        CampaignPlan plan = new CampaignPlan("Spring", List.of("leads"), null,
                List.of(channel("email", "400", tactic("drip", START, END, "300")), channel("search", "500")),
                new CampaignPlan.Timeline(START, END, List.of(new CampaignPlan.Milestone("mid", START.plusSeconds(86_400 * 14), List.of()))),
                new CampaignPlan.BudgetPlan(new BigDecimal("1000"), Map.of("email", new BigDecimal("400"), "search", new BigDecimal("500")),
                        new BigDecimal("100")),
                List.of(new CampaignPlan.KpiTarget("leads", new BigDecimal("200"), null, null)), List.of(), List.of());
        PlanCheck check = planner.validate(plan);
        assertTrue(check.valid(), check.toString());
        assertEquals(List.of(), check.warnings());
    }

    @Test
    void everyMistakeIsFoundInThePlansOrder() {
        Instant late = END.plusSeconds(86_400);
        CampaignPlan plan = new CampaignPlan("Muddled", List.of(), null,
                List.of(channel("email", "900", tactic("late", START, late, "950"), tactic("backwards", END, START, "0")),
                        channel("email", "200")),
                new CampaignPlan.Timeline(START, END, List.of(new CampaignPlan.Milestone("after", late, List.of()))),
                new CampaignPlan.BudgetPlan(new BigDecimal("1000"), Map.of("email", new BigDecimal("800")), new BigDecimal("300")),
                List.of(), List.of(new CampaignPlan.ContentPlan("post", "Teaser", null, "email", late, null)),
                List.of(new CampaignPlan.Risk("outage", CampaignPlan.Level.HIGH, CampaignPlan.Level.HIGH, " ")));
        PlanCheck check = planner.validate(plan);
        assertFalse(check.valid());
        assertEquals(List.of("objectives", "budget.allocations", "channels", "channels[0].tactics[0]",
                "channels[0].tactics[1].end_date", "channels[1].channel", "timeline.milestones[0].date"), fields(check.errors()));
        assertEquals(List.of("kpis", "channels[0].budget", "channels[0].tactics", "channels[1].budget", "content[0].publish_date",
                "risks[0].mitigation"), fields(check.warnings()));
        assertEquals(check.errors().size(), check.errorMessages().size(), "seed 000's string list beside ours");
    }

    @Test
    void datesAreNotJudgedAgainstABrokenTimeline() {
        CampaignPlan plan = new CampaignPlan("Backwards", List.of("reach"), null, List.of(channel("social", "10",
                tactic("any", END.plusSeconds(1), END.plusSeconds(2), "1"))), new CampaignPlan.Timeline(END, START, List.of()),
                new CampaignPlan.BudgetPlan(new BigDecimal("10"), null, null), List.of(new CampaignPlan.KpiTarget("k", BigDecimal.ONE,
                        null, null)), List.of(), List.of());
        assertEquals(List.of("timeline.end_date"), fields(planner.validate(plan).errors()));
    }
}
