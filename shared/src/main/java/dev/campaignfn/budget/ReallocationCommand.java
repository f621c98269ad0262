package dev.campaignfn.budget;

import java.math.BigDecimal;

import dev.campaignfn.common.Money;
import dev.campaignfn.campaign.Channels;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Moves part of one channel's unspent allocation to another channel of the same campaign. */
public record ReallocationCommand(
        @NotNull @Pattern(regexp = Channels.ID_PATTERN, message = Channels.ID_RULE) String fromChannel,
        @NotNull @Pattern(regexp = Channels.ID_PATTERN, message = Channels.ID_RULE) String toChannel,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("999999999999.99")
        @Digits(integer = 12, fraction = 2, message = Money.DIGITS_RULE) BigDecimal amount) {
}
