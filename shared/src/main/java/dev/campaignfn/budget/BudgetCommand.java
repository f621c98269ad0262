package dev.campaignfn.budget;

import java.math.BigDecimal;
import java.util.Map;

import dev.campaignfn.common.Money;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A campaign's budget plan (seed 000's BudgetAllocation): a total, a contingency and per-channel
 * allocations; allocations plus contingency never exceed the total. Channels left out get nothing.
 */
public record BudgetCommand(
        @NotNull @DecimalMin("0") @DecimalMax("999999999999.99")
        @Digits(integer = 12, fraction = 2, message = Money.DIGITS_RULE) BigDecimal totalBudget,
        @DecimalMin("0") @DecimalMax("999999999999.99")
        @Digits(integer = 12, fraction = 2, message = Money.DIGITS_RULE) BigDecimal contingency,
        @Size(max = 20) Map<String, @NotNull @DecimalMin("0") @DecimalMax("999999999999.99")
                @Digits(integer = 12, fraction = 2, message = Money.DIGITS_RULE) BigDecimal> allocations,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR or USD") String currency) {
}
