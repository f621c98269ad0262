package dev.campaignfn.automation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.common.JobReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The {@code rules} job: every enabled rule of every active campaign, each in its own transaction
 * ({@link RuleEngine}). The schedule slot (the scheduled time, to the minute) names the run, so a
 * schedule event delivered twice evaluates each rule once. A rule that fails is recorded as failed
 * with nothing of it applied, and the others go on.
 */
@ApplicationScoped
public class RulesJob {

    private static final Logger LOG = Logger.getLogger(RulesJob.class);

    @Inject
    Clock clock;

    @Inject
    RuleEngine engine;

    @Inject
    RuleFailures failures;

    /** @param scheduledAt the schedule slot's time (the EventBridge event's), or null for now */
    @ActivateRequestContext
    public JobReport run(Instant scheduledAt) {
        Instant started = clock.instant();
        String runKey = (scheduledAt == null ? started : scheduledAt).truncatedTo(ChronoUnit.MINUTES).toString();
        Map<String, List<String>> byDecision = new LinkedHashMap<>();
        for (UUID ruleId : dueRules()) {
            try {
                RuleEngine.Decision decision = engine.evaluate(ruleId, runKey);
                if (decision != null) {
                    byDecision.computeIfAbsent(decision.decision(), d -> new ArrayList<>()).add(ruleId.toString());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "rule %s failed in run %s; nothing of it was applied", ruleId, runKey);
                failures.record(ruleId, runKey, e);
                byDecision.computeIfAbsent("failed", d -> new ArrayList<>()).add(ruleId.toString());
            }
        }
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("run_key", runKey);
        outcome.putAll(byDecision);
        return new JobReport("rules", started, clock.instant(), outcome);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<UUID> dueRules() {
        return AutomationRule.getEntityManager().createQuery(
                "select r.id from AutomationRule r, Campaign c where c.id = r.campaignId and r.enabled = true and c.status = :active"
                        + " order by r.createdAt", UUID.class).setParameter("active", CampaignStatus.ACTIVE).getResultList();
    }
}
