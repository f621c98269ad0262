package dev.campaignfn.common;

import java.time.Instant;
import java.util.Map;

/** What one run of a scheduled job did: answered to EventBridge and logged. */
public record JobReport(String job, Instant startedAt, Instant finishedAt, Map<String, Object> outcome) {
}
