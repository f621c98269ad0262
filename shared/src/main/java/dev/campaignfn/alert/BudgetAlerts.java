package dev.campaignfn.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.campaignfn.budget.BudgetAlert;
import dev.campaignfn.budget.BudgetLedger;
import dev.campaignfn.budget.BudgetStatus;
import dev.campaignfn.budget.SpendTotals;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.common.JobReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

/**
 * The {@code alerts} job: seed 000's budget alerts at 75, 90 and 100 percent of a campaign's budget
 * and of each channel's allocation, each raised once (a jump from 50 to 95 percent raises 75 and 90),
 * with the day the money runs out at the last seven days' burn rate; then the alert outbox is sent.
 * First it pauses the campaigns whose hard budget stop is due ({@link HardBudgetStop#sweep}).
 */
@ApplicationScoped
public class BudgetAlerts {

    private static final Logger LOG = Logger.getLogger(BudgetAlerts.class);

    /** Days of spend the burn rate is measured over. */
    static final int BURN_DAYS = 7;
    static final int DELIVERIES_PER_RUN = 200;

    @Inject
    Clock clock;

    @Inject
    BudgetLedger ledger;

    @Inject
    SpendTotals spend;

    @Inject
    AlertService alerts;

    @Inject
    AlertDelivery delivery;

    @Inject
    HardBudgetStop hardStop;

    @ActivateRequestContext
    public JobReport run() {
        var started = clock.instant();
        List<String> raised = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> stopped = hardStop.sweep();
        for (Campaign campaign : Campaign.<Campaign>list("status in ?1", List.of(CampaignStatus.ACTIVE, CampaignStatus.PAUSED))) {
            try {
                raise(campaign, raised);
            } catch (RuntimeException e) {
                LOG.errorf(e, "budget alerts of campaign %s failed; the next run tries again", campaign.id);
                failed.add(campaign.id.toString());
            }
        }
        AlertDelivery.Outcome sent = delivery.deliverDue(DELIVERIES_PER_RUN);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("stopped", stopped);
        outcome.put("raised", raised);
        outcome.put("failed", failed);
        outcome.put("delivered", sent.delivered());
        outcome.put("retrying", sent.retrying());
        outcome.put("delivery_failed", sent.failed());
        return new JobReport("alerts", started, clock.instant(), outcome);
    }

    private void raise(Campaign campaign, List<String> raised) {
        BudgetStatus status = ledger.status(campaign.id);
        ZoneId zone = campaign.zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        for (BudgetAlert reached : status.alerts()) {
            boolean channel = reached.channelId() != null;
            BigDecimal remaining = channel ? status.channels().stream().filter(c -> c.channelId().equals(reached.channelId())).findFirst()
                    .map(BudgetStatus.ChannelBudget::remaining).orElse(BigDecimal.ZERO) : status.remaining();
            LocalDate runsOut = runsOut(campaign.id, zone, today, reached.channelId(), remaining);
            for (int threshold : BudgetAlert.THRESHOLDS) {
                if (threshold > reached.threshold()) {
                    continue;
                }
                String scope = channel ? "channel " + reached.channelId() : "campaign";
                String title = (channel ? "Channel " + reached.channelId() + " of " : "") + campaign.name
                        + (threshold == 100 ? ": budget exhausted" : ": budget at " + threshold + "%");
                String message = String.format("%s has spent %s%% of its budget (%s %s remaining). %s", scope,
                        reached.spentPercentage() == null ? "all" : reached.spentPercentage().toPlainString(), remaining.toPlainString(),
                        status.currency(), runsOut == null ? "No spend in the last " + BURN_DAYS + " days."
                                : remaining.signum() <= 0 ? "Nothing is left." : "At the last " + BURN_DAYS + " days' rate it runs out on "
                                        + runsOut + ".");
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("spent_percentage", reached.spentPercentage());
                details.put("remaining", remaining);
                details.put("currency", status.currency());
                details.put("projected_exhaustion_date", runsOut == null ? null : runsOut.toString());
                String key = "budget:" + campaign.id + ":" + (channel ? reached.channelId() : "-") + ":" + threshold;
                alerts.raise(new AlertDraft(campaign.id, reached.channelId(), null, "budget_threshold",
                        threshold == 100 ? "critical" : threshold == 90 ? "warning" : "info", threshold, title, message, details, key))
                        .ifPresent(id -> raised.add(key));
            }
        }
    }

    /** The day the remaining money runs out at the recent daily burn rate, or null without recent spend. */
    LocalDate runsOut(UUID campaignId, ZoneId zone, LocalDate today, String channel, BigDecimal remaining) {
        BigDecimal burnt = BigDecimal.ZERO;
        for (SpendTotals.SpendBucket bucket : spend.buckets(Map.of(campaignId, zone), List.of(today.minusDays(BURN_DAYS - 1L),
                today.plusDays(1)), channel, false)) {
            burnt = burnt.add(bucket.amount());
        }
        if (burnt.signum() <= 0) {
            return null;
        }
        if (remaining.signum() <= 0) {
            return today;
        }
        BigDecimal perDay = burnt.divide(BigDecimal.valueOf(BURN_DAYS), 6, RoundingMode.HALF_UP);
        long days = remaining.divide(perDay, 0, RoundingMode.CEILING).longValueExact();
        return today.plusDays(days);
    }
}
