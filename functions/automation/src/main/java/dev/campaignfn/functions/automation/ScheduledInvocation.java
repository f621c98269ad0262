package dev.campaignfn.functions.automation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The EventBridge (Scheduler) event that triggers a job, as AWS sends it. Only {@code id} and
 * {@code time} matter to the jobs: a redelivered event carries the same ones.
 */
public record ScheduledInvocation(String version, String id, @JsonProperty("detail-type") String detailType,
        String source, String account, Instant time, String region, List<String> resources,
        Map<String, Object> detail) {
}
