package dev.campaignfn.campaign;

import java.util.UUID;

/**
 * A campaign's spend or the rules on it changed (a ledger entry, a campaign update), in the caller's
 * transaction and under the campaign's row lock: observers may act on the budget used (the hard
 * budget stop) before it commits.
 */
public record BudgetUsageChanged(UUID campaignId) {
}
