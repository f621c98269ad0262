package dev.campaignfn.plan;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An operator's benchmark for a channel: cost per thousand impressions, and click-through,
 * conversion and unique-reach rates as fractions (0.02 = 2 %). Row 'default' covers the rest.
 */
@Entity
@Table(name = "channel_benchmarks")
public class ChannelBenchmark extends PanacheEntityBase {

    public static final String DEFAULT = "default";

    @Id
    public String channel;

    public BigDecimal cpm;

    public BigDecimal ctr;

    public BigDecimal cvr;

    @Column(name = "reach_ratio")
    public BigDecimal reachRatio;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
