package dev.campaignfn.adplatform;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.campaignfn.campaign.ChannelKey;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A campaign channel's connection to the platform campaign it runs as: settings, sealed secrets, what was last pushed. */
@Entity
@Table(name = "channel_connections")
@IdClass(ChannelKey.class)
public class ChannelConnection extends PanacheEntityBase {

    public static final String UNCHECKED = "unchecked";
    public static final String OK = "ok";
    public static final String FAILING = "failing";

    @Id
    @Column(name = "campaign_id")
    public UUID campaignId;

    @Id
    @Column(name = "channel_id")
    public String channelId;

    public AdPlatform platform;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> settings;

    /** {@link dev.campaignfn.integration.IntegrationSecrets#seal sealed}; never answered. */
    public String secrets;

    public String state;

    @Column(name = "state_reason")
    public String stateReason;

    @Column(name = "checked_at")
    public Instant checkedAt;

    @Column(name = "account_currency")
    public String accountCurrency;

    @Column(name = "account_time_zone")
    public String accountTimeZone;

    @Column(name = "queued_status")
    public String queuedStatus;

    @Column(name = "queued_budget")
    public BigDecimal queuedBudget;

    @Column(name = "spend_pulled_at")
    public Instant spendPulledAt;

    @Column(name = "spend_pull_error")
    public String spendPullError;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public static ChannelConnection find(UUID campaignId, String channelId) {
        return findById(new ChannelKey(campaignId, channelId));
    }

    public static List<ChannelConnection> of(UUID campaignId) {
        return list("campaignId", campaignId);
    }

    public String setting(String name) {
        return settings == null ? null : settings.get(name);
    }
}
