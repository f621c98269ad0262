package dev.campaignfn.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.common.Money;
import dev.campaignfn.campaign.Channels;
import dev.campaignfn.common.WireEnum;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Seed 000's CampaignPlan. Its shape is checked on the way in (a malformed plan is a 400); what
 * {@link CampaignPlanner#validate} reports are the planning mistakes of a well-formed plan.
 */
public record CampaignPlan(
        @NotBlank @Size(max = 255) String name,
        @Size(max = 50) List<@NotBlank @Size(max = 500) String> objectives,
        @Valid TargetAudience targetAudience,
        @Size(max = 20) List<@Valid @NotNull ChannelPlan> channels,
        @NotNull @Valid Timeline timeline,
        @NotNull @Valid BudgetPlan budget,
        @Size(max = 50) List<@Valid @NotNull KpiTarget> kpis,
        @Size(max = 500) List<@Valid @NotNull ContentPlan> content,
        @Size(max = 100) List<@Valid @NotNull Risk> risks) {

        public record TargetAudience(@Size(max = 100) Map<String, Object> demographics,
            @Size(max = 100) Map<String, Object> psychographics, @Size(max = 100) Map<String, Object> behaviors) {
    }

    public record ChannelPlan(
            @NotNull @Pattern(regexp = Channels.ID_PATTERN, message = Channels.ID_RULE) String channel,
            @NotNull @DecimalMin("0") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2, message = Money.DIGITS_RULE) BigDecimal budget,
            @Size(max = 50) List<@Valid @NotNull Tactic> tactics,
            @Size(max = 50) Map<String, @NotNull @DecimalMin("0") BigDecimal> targetMetrics) {
    }

    public record Tactic(
            @NotBlank @Size(max = 255) String name,
            @Size(max = 2000) String description,
            @NotNull Instant startDate,
            @NotNull Instant endDate,
            @DecimalMin("0") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2, message = Money.DIGITS_RULE) BigDecimal budget,
            @Size(max = 50) Map<String, @NotNull BigDecimal> expectedResults) {
    }

    public record Timeline(@NotNull Instant startDate, @NotNull Instant endDate,
            @Size(max = 100) List<@Valid @NotNull Milestone> milestones) {
    }

    public record Milestone(@NotBlank @Size(max = 255) String name, @NotNull Instant date,
            @Size(max = 50) List<@NotBlank @Size(max = 500) String> deliverables) {
    }

    public record BudgetPlan(
            @NotNull @DecimalMin("0") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2, message = Money.DIGITS_RULE) BigDecimal total,
            @Size(max = 20) Map<String, @NotNull @DecimalMin("0") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2, message = Money.DIGITS_RULE) BigDecimal> allocations,
            @DecimalMin("0") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2, message = Money.DIGITS_RULE) BigDecimal contingency) {
    }

    public record KpiTarget(@NotBlank @Size(max = 255) String name, @NotNull BigDecimal target, BigDecimal current,
            @Size(max = 32) String unit) {
    }

    public record ContentPlan(@NotBlank @Size(max = 50) String type, @NotBlank @Size(max = 255) String title,
            @Size(max = 10_000) String description, @Size(max = 64) String channel, Instant publishDate,
            dev.campaignfn.content.ContentStatus status) {
    }

    public record Risk(@NotBlank @Size(max = 2000) String description, @NotNull Level probability, @NotNull Level impact,
            @Size(max = 2000) String mitigation) {
    }

    @RegisterForReflection
    public enum Level implements WireEnum {
        LOW, MEDIUM, HIGH;

        /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
        @Override
        @JsonValue
        public String wire() {
            return WireEnum.super.wire();
        }
    }
}
