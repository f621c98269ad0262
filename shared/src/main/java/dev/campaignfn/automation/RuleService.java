package dev.campaignfn.automation;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.audit.AuditLog;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.common.Actor;
import dev.campaignfn.common.DatabaseJson;
import dev.campaignfn.common.Jdbc;
import dev.campaignfn.common.Money;
import dev.campaignfn.common.NotFoundException;
import dev.campaignfn.common.PreconditionFailedException;
import dev.campaignfn.common.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Automation rules of campaigns, rule templates, and the rules' run history. */
@ApplicationScoped
@Transactional
public class RuleService {

    /** jsonb columns (details, observed values) are read and written as every jsonb column is. */
    static final ObjectMapper JSON = DatabaseJson.MAPPER;
    public static final int MAX_RULES_PER_CAMPAIGN = 50;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    DataSource dataSource;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RuleView> list(UUID campaignId) {
        Campaign.require(campaignId);
        return AutomationRule.<AutomationRule>list("campaignId = ?1 order by createdAt", campaignId).stream().map(RuleView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RuleView get(UUID campaignId, UUID ruleId) {
        return RuleView.of(require(campaignId, ruleId));
    }

    public RuleView create(UUID campaignId, @Valid @NotNull RuleCommand command, Actor actor) {
        Campaign.require(campaignId);
        if (AutomationRule.count("campaignId", campaignId) >= MAX_RULES_PER_CAMPAIGN) {
            throw new dev.campaignfn.common.ConflictException("too_many_rules", "a campaign has at most " + MAX_RULES_PER_CAMPAIGN + " rules");
        }
        AutomationRule rule = new AutomationRule();
        rule.id = UUID.randomUUID();
        rule.campaignId = campaignId;
        rule.createdBy = actor.name();
        rule.createdAt = clock.instant();
        apply(rule, command);
        rule.persist();
        AutomationRule.flush();
        audit.record(actor, "rule.created", "rule", rule.id, campaignId, Map.of("name", rule.name, "trigger_type", rule.triggerType));
        return RuleView.of(rule);
    }

    public RuleView update(UUID campaignId, UUID ruleId, @Valid @NotNull RuleCommand command, Long expectedVersion, Actor actor) {
        AutomationRule rule = require(campaignId, ruleId);
        if (expectedVersion != null && expectedVersion != rule.version) {
            throw new PreconditionFailedException("rule", expectedVersion, rule.version);
        }
        apply(rule, command);
        AutomationRule.flush();
        audit.record(actor, "rule.updated", "rule", rule.id, campaignId, Map.of("name", rule.name, "trigger_type", rule.triggerType));
        return RuleView.of(rule);
    }

    public void delete(UUID campaignId, UUID ruleId, Actor actor) {
        AutomationRule rule = require(campaignId, ruleId);
        rule.delete();
        audit.record(actor, "rule.deleted", "rule", ruleId, campaignId, Map.of("name", rule.name));
    }

    /** A template, where given, fills what the command leaves out; the result is checked as a whole. */
    private void apply(AutomationRule rule, RuleCommand command) {
        RuleTemplate template = null;
        if (command.templateId() != null) {
            template = RuleTemplate.findById(command.templateId());
            if (template == null) {
                throw new NotFoundException("rule template", command.templateId());
            }
        }
        Map<String, Object> guardrails = template == null ? Map.of() : template.guardrails;
        Violations violations = new Violations();
        String name = command.name() != null ? command.name() : template != null ? template.name : null;
        violations.check(name != null && !name.isBlank(), "name", "is required");
        String type = command.triggerTypeGiven() != null ? command.triggerTypeGiven() : template != null ? template.triggerType : null;
        Map<String, Object> trigger = RuleSpecs.trigger(type, command.triggerConfigGiven() != null ? command.triggerConfigGiven()
                : template != null ? template.triggerConfig : null, violations);
        List<Map<String, Object>> actions = RuleSpecs.actions(command.actions() != null ? command.actions()
                : template != null ? template.actions : null, violations);
        BigDecimal minBudget = command.minBudget() != null ? command.minBudget() : decimal(guardrails.get("min_budget"));
        BigDecimal maxBudget = command.maxBudget() != null ? command.maxBudget() : decimal(guardrails.get("max_budget"));
        violations.check(minBudget == null || maxBudget == null || minBudget.compareTo(maxBudget) <= 0, "min_budget",
                "must not be above max_budget");
        violations.throwIfAny();
        rule.templateId = command.templateId();
        rule.name = name;
        rule.triggerType = type;
        rule.triggerConfig = DatabaseJson.canonical(RuleTrigger.of(type, trigger).config());
        rule.actions = DatabaseJson.canonical(typed(actions));
        rule.enabled = command.enabled() == null || command.enabled();
        rule.dryRun = command.dryRun() != null ? command.dryRun() : Boolean.TRUE.equals(guardrails.get("dry_run"));
        rule.cooldownMinutes = command.cooldownMinutes() != null ? command.cooldownMinutes()
                : guardrails.get("cooldown_minutes") instanceof Number n ? n.intValue() : 60;
        rule.maxBudgetChange = command.maxBudgetChange() != null ? command.maxBudgetChange() : decimal(guardrails.get("max_budget_change"));
        rule.minBudget = minBudget;
        rule.maxBudget = maxBudget;
        rule.updatedAt = clock.instant();
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static AutomationRule require(UUID campaignId, UUID ruleId) {
        AutomationRule rule = AutomationRule.findById(ruleId);
        if (rule == null || !rule.campaignId.equals(campaignId)) {
            throw new NotFoundException("rule", ruleId);
        }
        return rule;
    }

    // ------------------------------------------------------------------------------------------ templates

    /** A template as written and answered: a rule's settings without a campaign. */
    public record TemplateView(UUID id, String name, String description, String triggerType, Map<String, Object> triggerConfig,
            List<Map<String, Object>> actions, Map<String, Object> guardrails, Instant createdAt, Instant updatedAt, long version) {

        static TemplateView of(RuleTemplate t) {
            return new TemplateView(t.id, t.name, t.description, t.triggerType, t.triggerConfig, t.actions, t.guardrails, t.createdAt,
                    t.updatedAt, t.version);
        }
    }

    /** A template: name, description, the trigger, the actions and guardrails (cooldown_minutes, max_budget_change, min_budget, max_budget, dry_run). */
    public record TemplateCommand(String name, String description, String triggerType, Map<String, Object> triggerConfig,
            List<Map<String, Object>> actions, Map<String, Object> guardrails) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TemplateView> templates() {
        return RuleTemplate.<RuleTemplate>listAll(io.quarkus.panache.common.Sort.by("name")).stream().map(TemplateView::of).toList();
    }

    public TemplateView createTemplate(@NotNull TemplateCommand command, Actor actor) {
        RuleTemplate template = new RuleTemplate();
        template.id = UUID.randomUUID();
        template.createdBy = actor.name();
        template.createdAt = clock.instant();
        applyTemplate(template, command);
        template.persist();
        RuleTemplate.flush();
        audit.record(actor, "rule_template.created", "rule_template", template.id, null, Map.of("name", template.name));
        return TemplateView.of(template);
    }

    public TemplateView updateTemplate(UUID id, @NotNull TemplateCommand command, Actor actor) {
        RuleTemplate template = RuleTemplate.findById(id);
        if (template == null) {
            throw new NotFoundException("rule template", id);
        }
        applyTemplate(template, command);
        RuleTemplate.flush();
        audit.record(actor, "rule_template.updated", "rule_template", id, null, Map.of("name", template.name));
        return TemplateView.of(template);
    }

    public void deleteTemplate(UUID id, Actor actor) {
        if (!RuleTemplate.deleteById(id)) {
            throw new NotFoundException("rule template", id);
        }
        audit.record(actor, "rule_template.deleted", "rule_template", id, null, Map.of());
    }

    private void applyTemplate(RuleTemplate template, TemplateCommand command) {
        Violations violations = new Violations();
        violations.check(command.name() != null && !command.name().isBlank() && command.name().length() <= 255, "name",
                "is required, at most 255 characters");
        violations.check(command.description() == null || command.description().length() <= 10_000, "description",
                "at most 10000 characters");
        Map<String, Object> trigger = RuleSpecs.trigger(command.triggerType(), command.triggerConfig(), violations);
        List<Map<String, Object>> actions = RuleSpecs.actions(command.actions(), violations);
        Map<String, Object> guardrails = new LinkedHashMap<>(command.guardrails() == null ? Map.of() : command.guardrails());
        for (String key : guardrails.keySet()) {
            violations.check(List.of("cooldown_minutes", "max_budget_change", "min_budget", "max_budget", "dry_run").contains(key),
                    "guardrails." + key, "unknown guardrail");
            Object value = guardrails.get(key);
            switch (key) {
                case "dry_run" -> violations.check(value instanceof Boolean, "guardrails." + key, "must be true or false");
                case "cooldown_minutes" -> violations.check(value instanceof Integer n && n >= 0 && n <= 525_600, "guardrails." + key,
                        "must be a whole number of minutes from 0 to 525600");
                // money, as a rule made from the template stores it: refused rather than rounded
                default -> violations.check(value instanceof Number n && Money.fits(new BigDecimal(n.toString())), "guardrails." + key,
                        "must be an amount ≥ 0 with at most 12 integer digits and 2 decimals");
            }
        }
        violations.throwIfAny();
        if (RuleTemplate.count("name = ?1 and id <> ?2", command.name(), template.id) > 0) {
            throw new dev.campaignfn.common.ConflictException("duplicate_template", "a rule template named '" + command.name() + "' exists");
        }
        template.name = command.name();
        template.description = command.description();
        template.triggerType = command.triggerType();
        template.triggerConfig = DatabaseJson.canonical(RuleTrigger.of(command.triggerType(), trigger).config());
        template.actions = DatabaseJson.canonical(typed(actions));
        template.guardrails = DatabaseJson.canonical(guardrails);
        template.updatedAt = clock.instant();
    }

    // ------------------------------------------------------------------------------------------ run history

    /** Newest first: a campaign's runs, or one rule's when {@code ruleId} is given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RuleRunView> runs(UUID campaignId, UUID ruleId, int limit) {
        Campaign.require(campaignId);
        if (ruleId != null) {
            require(campaignId, ruleId);
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select id, rule_id, campaign_id, run_key, evaluated_at, observed::text, decision, dry_run, outcome::text from rule_runs"
                        + " where campaign_id = ? and (?::uuid is null or rule_id = ?::uuid) order by evaluated_at desc, id desc limit ?")) {
            select.setObject(1, campaignId);
            select.setObject(2, ruleId);
            select.setObject(3, ruleId);
            select.setInt(4, limit);
            List<RuleRunView> runs = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    runs.add(new RuleRunView(row.getLong(1), row.getObject(2, UUID.class), row.getObject(3, UUID.class), row.getString(4),
                            row.getTimestamp(5).toInstant(), map(row.getString(6)), row.getString(7), row.getBoolean(8), map(row.getString(9))));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw Jdbc.failure("read rule runs", e);
        }
    }

    static Map<String, Object> map(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("unreadable rule run JSON", e);
        }
    }

    /** Checked actions through their typed form: what is stored is what the engine reads. */
    private static List<Map<String, Object>> typed(List<Map<String, Object>> actions) {
        return actions.stream().map(RuleAction::of).map(RuleAction::config).toList();
    }
}
