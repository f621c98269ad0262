package dev.campaignfn.automation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A campaign's automation rule: a trigger, actions, and the guardrails they run under. */
@Entity
@Table(name = "automation_rules")
public class AutomationRule extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "template_id")
    public UUID templateId;

    public String name;

    @Column(name = "trigger_type")
    public String triggerType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "trigger_config")
    public Map<String, Object> triggerConfig;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, Object>> actions;

    public boolean enabled;

    @Column(name = "dry_run")
    public boolean dryRun;

    @Column(name = "cooldown_minutes")
    public int cooldownMinutes;

    @Column(name = "max_budget_change")
    public BigDecimal maxBudgetChange;

    @Column(name = "min_budget")
    public BigDecimal minBudget;

    @Column(name = "max_budget")
    public BigDecimal maxBudget;

    @Column(name = "last_fired_at")
    public Instant lastFiredAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** The trigger, typed (its settings were checked when the rule was written). */
    public RuleTrigger trigger() {
        return RuleTrigger.of(triggerType, triggerConfig);
    }

    /** The actions, typed, in order. */
    public List<RuleAction> actionList() {
        return actions.stream().map(RuleAction::of).toList();
    }
}
