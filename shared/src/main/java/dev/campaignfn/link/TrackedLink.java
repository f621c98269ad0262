package dev.campaignfn.link;

import java.time.Instant;
import java.util.UUID;

import dev.campaignfn.tracking.Utm;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A short link of a campaign: /r/{slug} records a click and redirects to the registered destination. */
@Entity
@Table(name = "tracked_links")
public class TrackedLink extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "campaign_id")
    public UUID campaignId;

    public String slug;

    @Column(name = "destination_url")
    public String destinationUrl;

    public String channel;

    @Column(name = "utm_source")
    public String utmSource;

    @Column(name = "utm_medium")
    public String utmMedium;

    @Column(name = "utm_campaign")
    public String utmCampaign;

    @Column(name = "utm_term")
    public String utmTerm;

    @Column(name = "utm_content")
    public String utmContent;

    @Column(name = "utm_id")
    public String utmId;

    public boolean disabled;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public Utm utm() {
        return new Utm(utmSource, utmMedium, utmCampaign, utmTerm, utmContent, utmId);
    }
}
