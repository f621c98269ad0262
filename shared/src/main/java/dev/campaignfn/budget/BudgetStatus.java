package dev.campaignfn.budget;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Where a campaign's money stands: total, allocated, contingency, spent and remaining, per channel
 * with its share of the total, and the 75/90/100 percent thresholds reached.
 */
public record BudgetStatus(UUID campaignId, String currency, BigDecimal totalBudget, BigDecimal contingency,
        BigDecimal allocated, BigDecimal unallocated, BigDecimal spent, BigDecimal remaining, BigDecimal spentPercentage,
        BigDecimal unassignedSpend, List<ChannelBudget> channels, List<BudgetAlert> alerts) {

    /** One channel's allocation; {@code percentage} is its share of the campaign's total budget. */
    public record ChannelBudget(String channelId, BigDecimal allocated, BigDecimal spent, BigDecimal remaining,
            BigDecimal percentage, BigDecimal spentPercentage) {
    }
}
