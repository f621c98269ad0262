package dev.campaignfn.budget;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.campaignfn.audit.AuditLog;
import dev.campaignfn.campaign.BudgetUsageChanged;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignChannel;
import dev.campaignfn.campaign.ChannelsChanged;
import dev.campaignfn.common.Actor;
import dev.campaignfn.common.ConflictException;
import dev.campaignfn.common.EventFence;
import dev.campaignfn.common.Money;
import dev.campaignfn.common.Page;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.common.Violations;
import dev.campaignfn.metrics.MetricFormulas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Budgets and the spend ledger (seed 000's BudgetManager, without its races): every change to a
 * campaign's money takes the campaign's row lock first, so concurrent spend, allocations and
 * reallocations apply one after the other and the balances always equal the ledger.
 */
@ApplicationScoped
@Transactional
public class BudgetLedger {

    /** Spend dated further ahead than this is a mistake, not a forecast. */
    static final Duration FUTURE_SKEW = Duration.ofMinutes(5);

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    Event<BudgetUsageChanged> budgetUsage;

    @Inject
    Event<ChannelsChanged> channelsChanged;

    @Transactional(Transactional.TxType.SUPPORTS)
    public BudgetStatus status(UUID campaignId) {
        return status(Campaign.require(campaignId));
    }

    public BudgetStatus allocate(UUID campaignId, @Valid @NotNull BudgetCommand command, Actor actor) {
        Campaign campaign = Campaign.requireForUpdate(campaignId);
        requireCurrency(campaign, command.currency());
        Map<String, BigDecimal> allocations = new LinkedHashMap<>();
        if (command.allocations() != null) {
            command.allocations().forEach((channel, amount) -> allocations.put(channel, Money.of(amount)));
        }
        BigDecimal contingency = Money.of(command.contingency() == null ? BigDecimal.ZERO : command.contingency());
        BigDecimal total = Money.of(command.totalBudget());
        Violations violations = new Violations();
        List<String> channels = CampaignChannel.of(campaignId).stream().map(c -> c.channelId).toList();
        allocations.keySet().forEach(channel -> violations.check(channels.contains(channel), "allocations." + channel,
                "'" + channel + "' is not a channel of this campaign " + channels));
        violations.throwIfAny();
        requireBudgetCovers(campaign, total, contingency, allocations, "total_budget", "allocations");
        Instant now = clock.instant();
        campaign.budget = total;
        campaign.contingency = contingency;
        campaign.updatedAt = now;
        for (String channel : channels) {
            BigDecimal amount = allocations.getOrDefault(channel, BigDecimal.ZERO);
            ChannelAllocation allocation = ChannelAllocation.find(campaignId, channel);
            if (allocation == null && amount.signum() > 0) {
                allocation = new ChannelAllocation();
                allocation.campaignId = campaignId;
                allocation.channelId = channel;
                allocation.allocated = amount;
                allocation.updatedAt = now;
                allocation.persist();
            } else if (allocation != null) {
                allocation.allocated = amount;
                allocation.updatedAt = now;
            }
        }
        ChannelAllocation.flush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("total_budget", total);
        details.put("contingency", contingency);
        details.put("allocations", allocations);
        audit.record(actor, "budget.allocated", "campaign", campaignId, campaignId, details);
        channelsChanged.fire(new ChannelsChanged(campaignId));
        return status(campaign);
    }

    /**
     * Checks that a budget total can carry what hangs on it: the allocations plus the contingency,
     * and the spend already recorded (overall and per channel). Each shortfall names its field.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireBudgetCovers(Campaign campaign, BigDecimal total, BigDecimal contingency,
            Map<String, BigDecimal> allocations, String totalField, String allocationsField) {
        BigDecimal allocated = allocations.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal spent = currentSpend(campaign.id);
        Violations violations = new Violations()
                .check(allocated.add(contingency).compareTo(total) <= 0, allocationsField,
                        "allocations (" + allocated + ") plus contingency (" + contingency + ") exceed the total budget ("
                                + total + ")")
                .check(spent.compareTo(total) <= 0, totalField,
                        "must not be below the spend already recorded (" + spent + " " + campaign.currency + ")");
        for (ChannelAllocation existing : ChannelAllocation.of(campaign.id)) {
            BigDecimal channelSpent = channelSpend(campaign.id, existing.channelId);
            BigDecimal amount = allocations.getOrDefault(existing.channelId, BigDecimal.ZERO);
            violations.check(channelSpent.compareTo(amount) <= 0, allocationsField + "." + existing.channelId,
                    "must not be below the channel's recorded spend (" + channelSpent + ")");
        }
        violations.throwIfAny();
    }

    /** Checks a new campaign total against its current allocations and spend. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireBudgetCovers(Campaign campaign, BigDecimal total, String totalField) {
        Map<String, BigDecimal> allocations = new LinkedHashMap<>();
        ChannelAllocation.of(campaign.id).forEach(a -> allocations.put(a.channelId, a.allocated));
        requireBudgetCovers(campaign, total, campaign.contingency, allocations, totalField, totalField);
    }

    public SpendRecording record(UUID campaignId, @Valid @NotNull SpendCommand command, Actor actor) {
        Campaign campaign = Campaign.requireForUpdate(campaignId);
        requireCurrency(campaign, command.currency());
        String fingerprint = fingerprint(command);
        if (command.idempotencyKey() != null) {
            SpendEntry earlier = SpendEntry.byIdempotencyKey(campaignId, command.idempotencyKey());
            if (earlier != null) {
                if (!earlier.requestFingerprint.equals(fingerprint)) {
                    throw new ConflictException("idempotency_key_reused",
                            "idempotency key '" + command.idempotencyKey() + "' was already used for a different entry",
                            Map.of("entry_id", earlier.id.toString()));
                }
                return new SpendRecording(SpendEntryView.of(earlier), true);
            }
        }
        Instant now = clock.instant();
        Violations violations = new Violations();
        if (command.channelId() != null) {
            violations.check(CampaignChannel.find(campaignId, command.channelId()) != null, "channel_id",
                    "'" + command.channelId() + "' is not a channel of this campaign");
        }
        if (command.occurredAt() != null) {
            violations.check(!command.occurredAt().isAfter(now.plus(FUTURE_SKEW)), "occurred_at", "must not be in the future");
        }
        if (command.correctsEntryId() != null) {
            SpendEntry corrected = SpendEntry.findById(command.correctsEntryId());
            violations.check(corrected != null && corrected.campaignId.equals(campaignId), "corrects_entry_id",
                    "no ledger entry " + command.correctsEntryId() + " in this campaign");
        }
        violations.throwIfAny();
        BigDecimal amount = Money.of(command.amount());
        BigDecimal signed = command.entryTypeOrDefault() == SpendEntryType.REFUND ? amount.negate() : amount;
        if (signed.signum() < 0) {
            requireRefundable(campaign, command.channelId(), amount);
        }

        SpendEntry entry = new SpendEntry();
        entry.id = UUID.randomUUID();
        entry.campaignId = campaignId;
        entry.channelId = command.channelId();
        entry.entryType = command.entryTypeOrDefault();
        entry.amount = signed;
        entry.currency = campaign.currency;
        entry.description = command.description();
        entry.externalReference = command.externalReference();
        entry.idempotencyKey = command.idempotencyKey();
        entry.requestFingerprint = fingerprint;
        entry.correctsEntryId = command.correctsEntryId();
        entry.occurredAt = command.occurredAt() == null ? now : command.occurredAt();
        entry.recordedAt = now;
        entry.recordedBy = actor.name();
        // the entry's seq is drawn inside the fence, so the rollup fold never passes an entry still uncommitted
        em.createNativeQuery(EventFence.ENTER).getSingleResult();
        entry.persist();
        SpendEntry.flush();
        em.createNativeQuery("update campaigns set actual_spend = actual_spend + ?1 where id = ?2")
                .setParameter(1, signed).setParameter(2, campaignId).executeUpdate();
        if (command.channelId() != null) {
            em.createNativeQuery("""
                    insert into channel_allocations (campaign_id, channel_id, allocated, spent, updated_at)
                    values (?1, ?2, 0, ?3, ?4)
                    on conflict (campaign_id, channel_id)
                    do update set spent = channel_allocations.spent + excluded.spent, updated_at = excluded.updated_at
                    """).setParameter(1, campaignId).setParameter(2, command.channelId()).setParameter(3, signed)
                    .setParameter(4, now).executeUpdate();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("entry_id", entry.id.toString());
        details.put("amount", signed);
        details.put("channel_id", command.channelId());
        audit.record(actor, "spend." + entry.entryType.wire(), "spend_entry", entry.id, campaignId, details);
        budgetUsage.fire(new BudgetUsageChanged(campaignId));
        return new SpendRecording(SpendEntryView.of(entry), false);
    }

    public BudgetStatus reallocate(UUID campaignId, @Valid @NotNull ReallocationCommand command, Actor actor) {
        Campaign campaign = Campaign.requireForUpdate(campaignId);
        new Violations()
                .check(!command.fromChannel().equals(command.toChannel()), "to_channel", "must differ from from_channel")
                .check(CampaignChannel.find(campaignId, command.fromChannel()) != null, "from_channel",
                        "'" + command.fromChannel() + "' is not a channel of this campaign")
                .check(CampaignChannel.find(campaignId, command.toChannel()) != null, "to_channel",
                        "'" + command.toChannel() + "' is not a channel of this campaign")
                .throwIfAny();
        BigDecimal amount = Money.of(command.amount());
        ChannelAllocation from = ChannelAllocation.find(campaignId, command.fromChannel());
        BigDecimal available = from == null ? BigDecimal.ZERO
                : from.allocated.subtract(channelSpend(campaignId, command.fromChannel()));
        if (available.compareTo(amount) < 0) {
            throw new ConflictException("insufficient_budget", "channel '" + command.fromChannel() + "' has "
                    + available + " " + campaign.currency + " unspent, less than " + amount,
                    Map.of("available", available, "channel_id", command.fromChannel()));
        }
        Instant now = clock.instant();
        from.allocated = from.allocated.subtract(amount);
        from.updatedAt = now;
        ChannelAllocation to = ChannelAllocation.find(campaignId, command.toChannel());
        if (to == null) {
            to = new ChannelAllocation();
            to.campaignId = campaignId;
            to.channelId = command.toChannel();
            to.allocated = Money.of(BigDecimal.ZERO);
            to.persist();
        }
        to.allocated = to.allocated.add(amount);
        to.updatedAt = now;
        ChannelAllocation.flush();
        audit.record(actor, "budget.reallocated", "campaign", campaignId, campaignId,
                Map.of("from_channel", command.fromChannel(), "to_channel", command.toChannel(), "amount", amount));
        channelsChanged.fire(new ChannelsChanged(campaignId));
        return status(campaign);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SpendEntryView> entries(UUID campaignId, int page, int pageSize) {
        Campaign.require(campaignId);
        var query = SpendEntry.find("campaignId = ?1 order by recordedAt desc, id", campaignId);
        long total = query.count();
        List<SpendEntryView> items = query.page(page - 1, pageSize).<SpendEntry>list().stream().map(SpendEntryView::of)
                .toList();
        return new Page<>(items, page, pageSize, total);
    }

    /** Reads balances with scalar queries: they are written by SQL the entity cache does not see. */
    @SuppressWarnings("unchecked")
    private BudgetStatus status(Campaign campaign) {
        Object[] money = (Object[]) em.createNativeQuery(
                "select budget, contingency, actual_spend from campaigns where id = ?1")
                .setParameter(1, campaign.id).getSingleResult();
        BigDecimal total = (BigDecimal) money[0];
        BigDecimal contingency = (BigDecimal) money[1];
        BigDecimal spent = (BigDecimal) money[2];
        List<Object[]> rows = em.createNativeQuery("""
                select ch.channel_id, coalesce(a.allocated, 0.00), coalesce(a.spent, 0.00)
                  from campaign_channels ch
                  left join channel_allocations a on a.campaign_id = ch.campaign_id and a.channel_id = ch.channel_id
                 where ch.campaign_id = ?1
                 order by ch.position
                """).setParameter(1, campaign.id).getResultList();
        List<BudgetStatus.ChannelBudget> channels = new ArrayList<>();
        BigDecimal allocated = BigDecimal.ZERO;
        BigDecimal channelSpent = BigDecimal.ZERO;
        for (Object[] row : rows) {
            BigDecimal channelAllocated = (BigDecimal) row[1];
            BigDecimal channelSpend = (BigDecimal) row[2];
            allocated = allocated.add(channelAllocated);
            channelSpent = channelSpent.add(channelSpend);
            channels.add(new BudgetStatus.ChannelBudget((String) row[0], channelAllocated, channelSpend,
                    channelAllocated.subtract(channelSpend), MetricFormulas.percentOf(channelAllocated, total),
                    MetricFormulas.percentOf(channelSpend, channelAllocated)));
        }
        BigDecimal spentPercentage = MetricFormulas.percentOf(spent, total);
        return new BudgetStatus(campaign.id, campaign.currency, total, contingency, allocated,
                total.subtract(allocated).subtract(contingency), spent, total.subtract(spent), spentPercentage,
                spent.subtract(channelSpent), channels, BudgetAlert.reached(spent, spentPercentage, channels));
    }

    private BigDecimal currentSpend(UUID campaignId) {
        return (BigDecimal) em.createNativeQuery("select actual_spend from campaigns where id = ?1")
                .setParameter(1, campaignId).getSingleResult();
    }

    private BigDecimal channelSpend(UUID campaignId, String channelId) {
        List<?> spent = em.createNativeQuery(
                "select spent from channel_allocations where campaign_id = ?1 and channel_id = ?2")
                .setParameter(1, campaignId).setParameter(2, channelId).getResultList();
        return spent.isEmpty() ? BigDecimal.ZERO : (BigDecimal) spent.get(0);
    }

    private void requireRefundable(Campaign campaign, String channelId, BigDecimal amount) {
        BigDecimal spent = channelId == null ? currentSpend(campaign.id) : channelSpend(campaign.id, channelId);
        if (spent.compareTo(amount) < 0) {
            throw new ConflictException("refund_exceeds_spend", "a refund of " + amount + " exceeds the "
                    + spent + " " + campaign.currency + " recorded" + (channelId == null ? "" : " on channel '" + channelId + "'"),
                    Map.of("spent", spent));
        }
    }

    private static void requireCurrency(Campaign campaign, String currency) {
        if (currency != null && !currency.equals(campaign.currency)) {
            throw ValidationException.of("currency", "the campaign is budgeted in " + campaign.currency + ", not " + currency);
        }
    }

    /** What makes two requests with one idempotency key the same request. */
    private static String fingerprint(SpendCommand c) {
        String canonical = String.join("|", c.amount().stripTrailingZeros().toPlainString(), c.entryTypeOrDefault().wire(),
                Objects.toString(c.channelId(), ""), Objects.toString(c.description(), ""),
                Objects.toString(c.externalReference(), ""), Objects.toString(c.occurredAt(), ""),
                Objects.toString(c.correctsEntryId(), ""));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
