package dev.campaignfn.content;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A planned piece of content of a campaign (seed 000's ContentPlan, table campaign_content). */
@Entity
@Table(name = "campaign_content")
public class ContentItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "channel_id")
    public String channelId;

    @Column(name = "content_type")
    public String contentType;

    public String title;

    public String description;

    @Column(name = "content_url")
    public String contentUrl;

    @Column(name = "publish_date")
    public Instant publishDate;

    public ContentStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
