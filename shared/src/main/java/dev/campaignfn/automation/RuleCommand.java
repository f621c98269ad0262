package dev.campaignfn.automation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.campaignfn.common.Money;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A rule as the caller writes it, with our field names or seed 000's ({@code trigger: {type, config}},
 * actions' {@code config}, the seed's trigger keys). With {@code template_id} the template fills whatever is left out.
 * The trigger's and the actions' settings are checked by {@link RuleSpecs}.
 */
public record RuleCommand(
        @Size(max = 255) String name,
        UUID templateId,
        String triggerType,
        Map<String, Object> triggerConfig,
        @Size(max = 10) List<Map<String, Object>> actions,
        Boolean enabled,
        Boolean dryRun,
        @Min(0) @Max(525_600) Integer cooldownMinutes,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("999999999999.99")
        @Digits(integer = 12, fraction = 2, message = Money.DIGITS_RULE) BigDecimal maxBudgetChange,
        @DecimalMin("0") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2, message = Money.DIGITS_RULE) BigDecimal minBudget,
        @DecimalMin("0") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2, message = Money.DIGITS_RULE) BigDecimal maxBudget,
        Trigger trigger) {

    /** Seed 000's way to write the trigger, {@code {"type": ..., "config": {...}}}, beside trigger_type and trigger_config. */
    public record Trigger(String type, Map<String, Object> config) {
    }

    /** The trigger type, written either way (ours first). */
    public String triggerTypeGiven() {
        return triggerType != null ? triggerType : trigger != null ? trigger.type() : null;
    }

    /** The trigger's settings, written either way (ours first). */
    public Map<String, Object> triggerConfigGiven() {
        return triggerConfig != null ? triggerConfig : trigger != null ? trigger.config() : null;
    }
}
