package dev.campaignfn.automation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A rule as answered. */
public record RuleView(UUID id, UUID campaignId, UUID templateId, String name, String triggerType, Map<String, Object> triggerConfig,
        List<Map<String, Object>> actions, boolean enabled, boolean dryRun, int cooldownMinutes, BigDecimal maxBudgetChange,
        BigDecimal minBudget, BigDecimal maxBudget, Instant lastFiredAt, String createdBy, Instant createdAt, Instant updatedAt,
        long version) {

    public static RuleView of(AutomationRule r) {
        return new RuleView(r.id, r.campaignId, r.templateId, r.name, r.triggerType, r.triggerConfig, r.actions, r.enabled, r.dryRun,
                r.cooldownMinutes, r.maxBudgetChange, r.minBudget, r.maxBudget, r.lastFiredAt, r.createdBy, r.createdAt, r.updatedAt,
                r.version);
    }
}
