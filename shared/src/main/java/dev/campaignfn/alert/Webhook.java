package dev.campaignfn.alert;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Where alerts (and scheduled reports) are announced: a URL, its format and the secret that signs each delivery. */
@Entity
@Table(name = "webhooks")
public class Webhook extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String url;

    /** json or slack. */
    public String format;

    public String secret;

    public boolean enabled;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** As answered; {@code secret} only in the answer that created it. */
    WebhookView view(String shownSecret) {
        return new WebhookView(id, name, url, format, enabled, shownSecret, createdAt, updatedAt, version);
    }
}
