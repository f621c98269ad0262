package dev.campaignfn.automation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

/** The run history, written in the evaluation's own transaction. */
final class RuleRuns {

    private RuleRuns() {
    }

    private static EntityManager em() {
        return AutomationRule.getEntityManager();
    }

    static boolean exists(UUID ruleId, String runKey) {
        return !em().createNativeQuery("select 1 from rule_runs where rule_id = ?1 and run_key = ?2").setParameter(1, ruleId)
                .setParameter(2, runKey).getResultList().isEmpty();
    }

    static void insert(AutomationRule rule, String runKey, Instant at, Map<String, Object> observed, String decision,
            Map<String, Object> outcome) {
        try {
            em().createNativeQuery("insert into rule_runs (rule_id, campaign_id, run_key, evaluated_at, observed, decision, dry_run, outcome)"
                    + " values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7, cast(?8 as jsonb))").setParameter(1, rule.id)
                    .setParameter(2, rule.campaignId).setParameter(3, runKey).setParameter(4, at)
                    .setParameter(5, RuleService.JSON.writeValueAsString(observed)).setParameter(6, decision).setParameter(7, rule.dryRun)
                    .setParameter(8, RuleService.JSON.writeValueAsString(outcome)).executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a rule run cannot be written as JSON", e);
        }
    }
}
