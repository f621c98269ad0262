package dev.campaignfn.plan;

import java.math.BigDecimal;
import java.time.Instant;

/** A channel benchmark as the API answers it. */
public record BenchmarkView(String channel, BigDecimal cpm, BigDecimal ctr, BigDecimal cvr, BigDecimal reachRatio,
        Instant updatedAt, String updatedBy) {

    public static BenchmarkView of(ChannelBenchmark b) {
        return new BenchmarkView(b.channel, b.cpm, b.ctr, b.cvr, b.reachRatio, b.updatedAt, b.updatedBy);
    }
}
