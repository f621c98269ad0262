package dev.campaignfn.adplatform;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One change for a channel's platform, written in the transaction of the change here (the outbox) and sent after it
 * commits by the ad platforms job. Its payload is the state to reach (a status, a budget), never a difference, so
 * sending it again changes nothing on the platform.
 */
@Entity
@Table(name = "channel_pushes")
public class ChannelPush extends PanacheEntityBase {

    public static final String STATUS = "status";
    public static final String BUDGET = "budget";
    public static final String LAUNCH = "launch";

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String DEAD = "dead";
    public static final String SUPERSEDED = "superseded";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "channel_id")
    public String channelId;

    public String kind;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payload;

    public String status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** As the API answers it. */
    public record View(long id, String kind, Map<String, Object> payload, String status, int attempts, Instant nextAttemptAt,
            Integer lastStatus, String lastError, String createdBy, Instant createdAt, Instant sentAt) {
    }

    View view() {
        return new View(id, kind, payload, status, attempts, PENDING.equals(status) ? nextAttemptAt : null, lastStatus, lastError, createdBy,
                createdAt, sentAt);
    }
}
