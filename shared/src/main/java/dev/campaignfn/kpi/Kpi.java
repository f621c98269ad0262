package dev.campaignfn.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.campaignfn.metrics.Metric;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A KPI target of a campaign (seed 000's KPIMetric). */
@Entity
@Table(name = "campaign_kpis")
public class Kpi extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "campaign_id")
    public UUID campaignId;

    public String name;

    /** When set, the current value is measured; otherwise the caller sets {@link #currentValue}. */
    public Metric metric;

    public BigDecimal target;

    @Column(name = "current_value")
    public BigDecimal currentValue;

    public String unit;

    /** Null: {@link KpiJudgement#defaultFor} its metric. */
    @Column(name = "judged_by")
    public KpiJudgement judgedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public static List<Kpi> of(UUID campaignId) {
        return list("campaignId = ?1 order by createdAt, name", campaignId);
    }

    public static List<Kpi> ofCampaigns(List<UUID> campaignIds) {
        if (campaignIds.isEmpty()) {
            return List.of();
        }
        return list("campaignId in ?1 order by createdAt, name", campaignIds);
    }
}
