package dev.campaignfn.automation;

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

/** A rule that campaigns can copy: trigger, actions and guardrails without a campaign. */
@Entity
@Table(name = "rule_templates")
public class RuleTemplate extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String description;

    @Column(name = "trigger_type")
    public String triggerType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "trigger_config")
    public Map<String, Object> triggerConfig;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, Object>> actions;

    /** cooldown_minutes, max_budget_change, min_budget, max_budget, dry_run. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> guardrails;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
