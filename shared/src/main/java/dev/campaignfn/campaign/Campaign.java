package dev.campaignfn.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.campaignfn.common.NotFoundException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A marketing campaign: seed 000's Campaign plus currency, reporting time zone and lifecycle stamps. */
@Entity
@Table(name = "campaigns")
public class Campaign extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String description;

    public CampaignType type;

    public CampaignStatus status;

    @Column(name = "start_date")
    public Instant startDate;

    @Column(name = "end_date")
    public Instant endDate;

    /** The total budget, in {@link #currency}. */
    public BigDecimal budget;

    public BigDecimal contingency;

    /** Written only by the spend ledger's SQL, in the same transaction as each entry. */
    @Column(name = "actual_spend", insertable = false, updatable = false)
    public BigDecimal actualSpend;

    public String currency;

    @Column(name = "time_zone")
    public String timeZone;

    /** Pause the campaign when its spend reaches its budget (see HardBudgetStop). */
    @Column(name = "hard_budget_stop")
    public boolean hardBudgetStop;

    /** Whether the hard budget stop keeps the campaign from running: it is on, and a spend reached the budget. */
    public boolean stoppedByBudget() {
        return hardBudgetStop && actualSpend != null && actualSpend.signum() > 0 && actualSpend.compareTo(budget) >= 0;
    }

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_audience")
    public List<String> targetAudience;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> objectives;

    @Column(name = "pause_reason")
    public String pauseReason;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "launched_at")
    public Instant launchedAt;

    @Column(name = "paused_at")
    public Instant pausedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "final_report")
    public Map<String, Object> finalReport;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The last day of the run in a zone: the end date is exclusive, so the day holding the instant just before it. */
    public LocalDate lastDay(ZoneId zone) {
        return LocalDate.ofInstant(endDate.minusNanos(1), zone);
    }

    public static Campaign require(UUID id) {
        Campaign campaign = findById(id);
        if (campaign == null) {
            throw new NotFoundException("campaign", id);
        }
        return campaign;
    }

    /**
     * Loads the campaign holding its row lock until the transaction ends: every change to its money
     * (spend, allocations, budget) takes this lock first, so they apply one after the other.
     */
    public static Campaign requireForUpdate(UUID id) {
        Campaign campaign = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (campaign == null) {
            throw new NotFoundException("campaign", id);
        }
        return campaign;
    }
}
