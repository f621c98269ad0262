package dev.campaignfn.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The highest budget threshold (75, 90, 100 percent) a campaign or one of its channels has reached.
 * Spend against a zero budget or allocation counts as exhausted.
 */
public record BudgetAlert(String scope, String channelId, int threshold, BigDecimal spentPercentage, String message) {

    public static final int[] THRESHOLDS = { 100, 90, 75 };

    public static List<BudgetAlert> reached(BigDecimal spent, BigDecimal spentPercentage,
            List<BudgetStatus.ChannelBudget> channels) {
        List<BudgetAlert> alerts = new ArrayList<>();
        highest(spent, spentPercentage).ifPresent(t -> alerts.add(new BudgetAlert("campaign", null, t, spentPercentage,
                t == 100 ? "Budget exhausted" : "Budget at " + t + "% capacity")));
        for (BudgetStatus.ChannelBudget channel : channels) {
            highest(channel.spent(), channel.spentPercentage()).ifPresent(t -> alerts.add(new BudgetAlert("channel",
                    channel.channelId(), t, channel.spentPercentage(),
                    t == 100 ? "Channel " + channel.channelId() + " budget exhausted"
                            : "Channel " + channel.channelId() + " budget at " + t + "% capacity")));
        }
        return alerts;
    }

    /** The highest threshold reached, if any. */
    public static OptionalInt highest(BigDecimal spent, BigDecimal spentPercentage) {
        if (spentPercentage == null) {
            return spent.signum() > 0 ? OptionalInt.of(100) : OptionalInt.empty();
        }
        for (int threshold : THRESHOLDS) {
            if (spentPercentage.compareTo(BigDecimal.valueOf(threshold)) >= 0) {
                return OptionalInt.of(threshold);
            }
        }
        return OptionalInt.empty();
    }
}
