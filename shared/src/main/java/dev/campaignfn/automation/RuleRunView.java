package dev.campaignfn.automation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One evaluation of a rule: what it saw, what it decided, what came of it. */
public record RuleRunView(long id, UUID ruleId, UUID campaignId, String runKey, Instant evaluatedAt, Map<String, Object> observed,
        String decision, boolean dryRun, Map<String, Object> outcome) {
}
