package dev.campaignfn.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.campaignfn.common.FieldError;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.common.Violations;
import dev.campaignfn.metrics.Metric;
import dev.campaignfn.tracking.EventType;

/** Triggers and actions: checked once with their defaults, then read typed. */
class RuleSpecsTest {

    private static RuleTrigger trigger(String type, Map<String, Object> config) {
        Violations violations = new Violations();
        Map<String, Object> checked = RuleSpecs.trigger(type, config, violations);
        violations.throwIfAny();
        RuleTrigger typed = RuleTrigger.of(type, checked);
        assertEquals(checked, typed.config(), "the typed trigger answers the checked settings unchanged");
        return typed;
    }

    private static List<String> refusedFields(Runnable check) {
        ValidationException refused = assertThrows(ValidationException.class, check::run);
        return refused.errors().stream().map(FieldError::field).collect(Collectors.toList());
    }

    @Test
    void performanceTriggerGetsItsDefaultsAndOperatorFromTheMetric() {
        RuleTrigger.PerformanceThreshold roas = assertInstanceOf(RuleTrigger.PerformanceThreshold.class,
                trigger("performance_threshold", Map.of("metric", "roas", "value", 2)));
        assertEquals(Metric.ROAS, roas.metric());
        assertTrue(roas.below(), "a falling ROAS is bad news: below by default");
        assertEquals(7, roas.windowDays());
        assertEquals(1000, roas.minImpressions());
        assertTrue(roas.crossedBy(new BigDecimal("1.99")));
        assertFalse(roas.crossedBy(new BigDecimal("2")), "at the threshold is not below it");

        RuleTrigger.PerformanceThreshold cpa = (RuleTrigger.PerformanceThreshold) trigger("performance_threshold",
                Map.of("metric", "cpa", "value", 40));
        assertFalse(cpa.below(), "a rising cost is bad news: above by default");
        assertTrue(cpa.crossedBy(new BigDecimal("40.01")));
    }

    @Test
    void seedKeysAreOurs() {
        assertEquals(new BigDecimal("80"), ((RuleTrigger.BudgetThreshold) trigger("budget_threshold", Map.of("percentage", 80)))
                .spentPercentage());
        assertEquals(new BigDecimal("1.5"), ((RuleTrigger.PerformanceThreshold) trigger("performance_threshold",
                Map.of("metric", "roas", "threshold", 1.5))).value());
        RuleTrigger.TimeBased time = (RuleTrigger.TimeBased) trigger("time_based", Map.of("condition", "before_end", "hours", 48));
        assertEquals(48, time.hoursBeforeEnd());
        assertEquals(null, time.hoursAfterStart());
        RuleTrigger.EventBased event = (RuleTrigger.EventBased) trigger("event_based",
                Map.of("event_type", "conversion", "fewer_than", 5, "hours", 24));
        assertEquals(EventType.CONVERSION, event.eventType());
        assertEquals(5, event.fewerThan());
    }

    @Test
    void everyProblemIsNamedByItsField() {
        assertEquals(List.of("trigger_config.metric"), refusedFields(() -> trigger("performance_threshold",
                Map.of("metric", "clv", "value", 1))), "clv is not a rule metric");
        assertEquals(List.of("trigger_config.percentage"), refusedFields(() -> trigger("budget_threshold",
                Map.of("percentage", 80, "spent_percentage", 90))), "a key given both ways");
        assertEquals(List.of("trigger_config.hours_before_end"), refusedFields(() -> trigger("time_based",
                Map.of("hours_before_end", 1, "hours_after_start", 2))));
        assertEquals(List.of("trigger_config.window_days"), refusedFields(() -> trigger("performance_threshold",
                Map.of("metric", "ctr", "value", 1, "window_days", 91))));
        assertEquals(List.of("trigger_type"), refusedFields(() -> trigger("weather", Map.of())));
        assertEquals(List.of("trigger_config.colour"), refusedFields(() -> trigger("budget_threshold",
                Map.of("spent_percentage", 50, "colour", "red"))));
    }

    @Test
    void actionsGetTheirDefaultsAndReadTyped() {
        Violations violations = new Violations();
        Map<String, Object> seedOptimize = new LinkedHashMap<>();
        seedOptimize.put("type", "optimize");
        seedOptimize.put("config", Map.of());
        List<Map<String, Object>> checked = RuleSpecs.actions(List.of(Map.of("type", "send_alert"), seedOptimize,
                Map.of("type", "scale", "percent", 20, "cap", 5000), Map.of("type", "adjust_budget", "amount", -100)), violations);
        violations.throwIfAny();
        List<RuleAction> typed = checked.stream().map(RuleAction::of).toList();
        assertEquals(checked, typed.stream().map(RuleAction::config).toList());
        assertEquals(new RuleAction.SendAlert("warning", null), typed.get(0));
        assertEquals(new RuleAction.Optimize(null, BigDecimal.TEN), typed.get(1), "seed 000's {type, config}, 10 percent by default");
        assertEquals(new RuleAction.Scale(new BigDecimal("20"), new BigDecimal("5000")), typed.get(2));
        assertEquals(new RuleAction.AdjustBudget(new BigDecimal("-100"), null), typed.get(3));
    }

    @Test
    void badActionsAreNamedByIndex() {
        assertEquals(List.of("actions[1].amount"), refusedFields(() -> {
            Violations violations = new Violations();
            RuleSpecs.actions(List.of(Map.of("type", "pause_campaign"), Map.of("type", "adjust_budget", "amount", 1, "percent", 2)),
                    violations);
            violations.throwIfAny();
        }));
        assertEquals(List.of("actions"), refusedFields(() -> {
            Violations violations = new Violations();
            RuleSpecs.actions(List.of(), violations);
            violations.throwIfAny();
        }));
    }
}
