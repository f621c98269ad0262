package dev.campaignfn.integration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A destination events are forwarded to: a platform, its settings, its sealed secrets and the campaigns it covers. */
@Entity
@Table(name = "integrations")
public class Integration extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public IntegrationPlatform platform;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> settings;

    /** {@link IntegrationSecrets#seal sealed}; never answered. */
    public String secrets;

    /** Empty: every campaign. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "campaign_ids")
    public List<UUID> campaignIds;

    @Column(name = "include_bots")
    public boolean includeBots;

    public boolean enabled;

    /** The last event id handed to the outbox (the forwarder moves it; the API never does). */
    @Column(name = "cursor_event_id", updatable = false)
    public long cursorEventId;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    IntegrationView view(IntegrationView.Deliveries deliveries) {
        return new IntegrationView(id, name, platform, settings, campaignIds, includeBots, enabled, deliveries, createdAt, updatedAt, version);
    }
}
