package dev.campaignfn.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A report delivered on a schedule (see {@link ScheduledReports}). */
@Entity
@Table(name = "report_schedules")
public class ReportSchedule extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public ReportScope scope;

    /** The campaign of a campaign report; null for the dashboard. */
    @Column(name = "campaign_id")
    public UUID campaignId;

    /** The dashboard's campaigns; empty: every campaign that ran in the period. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "campaign_ids")
    public List<UUID> campaignIds;

    public ReportFrequency frequency;

    @Column(name = "time_zone")
    public String timeZone;

    /** csv or xlsx: the export file's format. */
    public String format;

    /** The webhooks it is announced to; empty: every enabled webhook. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "webhook_ids")
    public List<UUID> webhookIds;

    public boolean enabled;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
