package dev.campaignfn.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.campaignfn.campaign.CampaignType;
import dev.campaignfn.campaign.Channels;
import dev.campaignfn.common.Money;
import dev.campaignfn.kpi.KpiCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A campaign as the caller writes it, for create and full update (PUT). Status and spend are not
 * written here: status moves through the lifecycle routes and spend through the ledger.
 * {@code channels} and {@code kpis}, when present, replace the campaign's lists; when absent on
 * an update they are left as they are (both have their own routes), as is {@code hard_budget_stop}
 * (default off): when on, the campaign is paused once its spend reaches its budget.
 */
public record CampaignCommand(
        @NotBlank @Size(max = 255) String name,
        @Size(max = 10_000) String description,
        @NotNull CampaignType type,
        @NotNull Instant startDate,
        @NotNull Instant endDate,
        @NotNull @DecimalMin("0") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2, message = Money.DIGITS_RULE) BigDecimal budget,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR or USD") String currency,
        @Size(max = 64) String timeZone,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> targetAudience,
        @Size(max = 20) List<@NotNull @Pattern(regexp = Channels.ID_PATTERN, message = Channels.ID_RULE) String> channels,
        @Size(max = 50) List<@NotBlank @Size(max = 500) String> objectives,
        @Size(max = 50) List<@Valid @NotNull KpiCommand> kpis,
        Boolean hardBudgetStop) {

    public static final String DEFAULT_TIME_ZONE = "UTC";

    /** A command that leaves the hard budget stop as it is (off for a new campaign). */
    public CampaignCommand(String name, String description, CampaignType type, Instant startDate, Instant endDate, BigDecimal budget,
            String currency, String timeZone, List<String> targetAudience, List<String> channels, List<String> objectives,
            List<KpiCommand> kpis) {
        this(name, description, type, startDate, endDate, budget, currency, timeZone, targetAudience, channels, objectives, kpis, null);
    }

    public String timeZoneOrDefault() {
        return timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
    }
}
