package dev.campaignfn.automation;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Records a rule evaluation that failed, in a transaction of its own (the evaluation's rolled back). */
@ApplicationScoped
public class RuleFailures {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(UUID ruleId, String runKey, Exception error) {
        AutomationRule rule = AutomationRule.findById(ruleId);
        if (rule == null || RuleRuns.exists(ruleId, runKey)) {
            return;
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        RuleRuns.insert(rule, runKey, clock.instant(), Map.of(), "failed", Map.of("error", message.length() > 500
                ? message.substring(0, 500) : message));
    }
}
