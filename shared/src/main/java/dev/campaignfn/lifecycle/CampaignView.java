package dev.campaignfn.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.campaign.CampaignType;
import dev.campaignfn.kpi.KpiView;

/**
 * A campaign as the API answers it (seed 004's snake_case fields), with the lifecycle moves its state
 * allows so that clients need not repeat the state machine.
 */
public record CampaignView(
        UUID id,
        String name,
        String description,
        CampaignType type,
        CampaignStatus status,
        List<LifecycleAction> lifecycleActions,
        Instant startDate,
        Instant endDate,
        BigDecimal budget,
        BigDecimal actualSpend,
        String currency,
        String timeZone,
        boolean hardBudgetStop,
        List<String> channels,
        List<String> objectives,
        List<String> targetAudience,
        List<KpiView> kpis,
        String pauseReason,
        String cancelReason,
        Instant launchedAt,
        Instant pausedAt,
        Instant completedAt,
        Instant cancelledAt,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static CampaignView of(Campaign c, List<String> channels, List<KpiView> kpis) {
        return new CampaignView(c.id, c.name, c.description, c.type, c.status, LifecycleAction.from(c.status),
                c.startDate, c.endDate, c.budget, c.actualSpend == null ? BigDecimal.ZERO.setScale(2) : c.actualSpend,
                c.currency, c.timeZone, c.hardBudgetStop, channels, c.objectives, c.targetAudience, kpis, c.pauseReason, c.cancelReason,
                c.launchedAt, c.pausedAt, c.completedAt, c.cancelledAt, c.createdBy, c.createdAt, c.updatedAt, c.version);
    }
}
