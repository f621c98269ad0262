package dev.campaignfn.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.campaignfn.common.Money;
import dev.campaignfn.campaign.Channels;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A ledger entry to record. The amount is always positive; {@code entry_type} refund takes it
 * back. The same idempotency key records once: a retry answers the entry already recorded.
 */
public record SpendCommand(
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("999999999999.99")
        @Digits(integer = 12, fraction = 2, message = Money.DIGITS_RULE) BigDecimal amount,
        SpendEntryType entryType,
        @Pattern(regexp = Channels.ID_PATTERN, message = Channels.ID_RULE) String channelId,
        @Size(max = 1000) String description,
        @Size(max = 255) String externalReference,
        @Size(min = 1, max = 255) @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII without spaces") String idempotencyKey,
        Instant occurredAt,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR or USD") String currency,
        UUID correctsEntryId) {

    public SpendEntryType entryTypeOrDefault() {
        return entryType == null ? SpendEntryType.SPEND : entryType;
    }

    public SpendCommand withIdempotencyKey(String key) {
        return new SpendCommand(amount, entryType, channelId, description, externalReference, key, occurredAt, currency,
                correctsEntryId);
    }
}
