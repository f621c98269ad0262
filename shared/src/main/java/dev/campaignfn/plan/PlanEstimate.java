package dev.campaignfn.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * Seed 000's estimatePerformance, per channel and in total, with seed 000's undefined
 * {@code expectedReach} defined and every division by zero answered with null.
 */
public record PlanEstimate(Estimate totals, List<ChannelEstimate> channels, List<String> warnings) {

    public record Estimate(BigDecimal budget, Long expectedReach, Long expectedImpressions, Long expectedClicks,
            Long expectedConversions, BigDecimal expectedCpm, BigDecimal expectedCpc, BigDecimal expectedCpa) {
    }

    public record ChannelEstimate(String channel, String benchmark, BigDecimal cpm, BigDecimal ctr, BigDecimal cvr,
            BigDecimal reachRatio, Estimate estimate) {
    }
}
