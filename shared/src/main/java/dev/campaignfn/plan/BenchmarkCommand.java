package dev.campaignfn.plan;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** A channel benchmark as an operator sets it; rates are fractions (0.02 = 2 %). */
public record BenchmarkCommand(
        @NotNull @DecimalMin("0") @DecimalMax("100000") @Digits(integer = 8, fraction = 4) BigDecimal cpm,
        @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 6) BigDecimal ctr,
        @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 6) BigDecimal cvr,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 6) BigDecimal reachRatio) {
}
