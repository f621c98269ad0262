package dev.campaignfn.lifecycle;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.campaignfn.audit.AuditLog;
import dev.campaignfn.budget.BudgetLedger;
import dev.campaignfn.budget.SpendEntry;
import dev.campaignfn.campaign.BudgetUsageChanged;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignChannel;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.campaign.CampaignZoneChanged;
import dev.campaignfn.common.Actor;
import dev.campaignfn.common.ConflictException;
import dev.campaignfn.common.Money;
import dev.campaignfn.common.Page;
import dev.campaignfn.common.PreconditionFailedException;
import dev.campaignfn.common.Violations;
import dev.campaignfn.kpi.KpiService;
import dev.campaignfn.kpi.KpiView;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Campaign CRUD: create as draft, list and read, full update, delete while still a draft. */
@ApplicationScoped
@Transactional
public class CampaignService {

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    KpiService kpis;

    @Inject
    CampaignChannels channels;

    @Inject
    BudgetLedger ledger;

    @Inject
    Event<CampaignZoneChanged> zoneChanged;

    @Inject
    Event<BudgetUsageChanged> budgetUsage;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CampaignView> list(CampaignQuery query) {
        StringBuilder where = new StringBuilder("from Campaign c where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!query.statuses().isEmpty()) {
            where.append(" and c.status in :statuses");
            params.put("statuses", query.statuses());
        }
        if (!query.types().isEmpty()) {
            where.append(" and c.type in :types");
            params.put("types", query.types());
        }
        if (query.channel() != null) {
            where.append(" and exists (select 1 from CampaignChannel ch where ch.campaignId = c.id and ch.channelId = :channel)");
            params.put("channel", query.channel());
        }
        if (query.from() != null) {
            where.append(" and c.endDate > :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and c.startDate < :to");
            params.put("to", query.to());
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" and (lower(c.name) like :text escape '\\' or lower(coalesce(c.description, '')) like :text escape '\\')");
            params.put("text", "%" + likeEscape(query.text().toLowerCase(Locale.ROOT)) + "%");
        }
        Sort sort = Sort.by("c." + query.sort().property,
                query.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending).and("c.id");
        PanacheQuery<Campaign> found = Campaign.find(where.toString(), sort, params);
        long total = found.count();
        List<Campaign> campaigns = found.page(query.page() - 1, query.pageSize()).list();
        return new Page<>(views(campaigns), query.page(), query.pageSize(), total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignView get(UUID id) {
        return view(Campaign.require(id));
    }

    public CampaignView create(@Valid @NotNull CampaignCommand command, Actor actor) {
        checkCommand(command);
        Instant now = clock.instant();
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.status = CampaignStatus.DRAFT;
        campaign.contingency = Money.of(java.math.BigDecimal.ZERO);
        campaign.createdBy = actor.name();
        campaign.createdAt = now;
        apply(campaign, command, now);
        campaign.persist();
        channels.sync(campaign, command.channels() == null ? List.of() : command.channels());
        if (command.kpis() != null) {
            kpis.replaceAll(campaign, command.kpis(), actor);
        }
        audit.record(actor, "campaign.created", "campaign", campaign.id, campaign.id,
                Map.of("name", campaign.name, "type", campaign.type.wire()));
        return view(campaign);
    }

    public CampaignView update(UUID id, @Valid @NotNull CampaignCommand command, Long expectedVersion, Actor actor) {
        checkCommand(command);
        Campaign campaign = Campaign.requireForUpdate(id);
        if (expectedVersion != null && expectedVersion != campaign.version) {
            throw new PreconditionFailedException("campaign", expectedVersion, campaign.version);
        }
        if (campaign.status.isFinal()) {
            throw new ConflictException("campaign_closed",
                    "campaign is " + campaign.status.wire() + " and can no longer be changed",
                    Map.of("current_status", campaign.status.wire()));
        }
        Violations locked = new Violations();
        if (campaign.status.isLaunched()) {
            locked.check(campaign.startDate.equals(command.startDate()), "start_date",
                    "cannot change once the campaign has been launched (it is " + campaign.status.wire() + ")");
        }
        if (!campaign.currency.equals(command.currency()) && hasMoneyOrEvents(campaign)) {
            locked.add("currency", "cannot change once spend or events are recorded in " + campaign.currency);
        }
        locked.throwIfAny();
        ledger.requireBudgetCovers(campaign, command.budget(), "budget");
        boolean zoneChanges = !campaign.timeZone.equals(command.timeZoneOrDefault());
        apply(campaign, command, clock.instant());
        if (zoneChanges) {
            zoneChanged.fire(new CampaignZoneChanged(campaign.id));
        }
        // the hard budget stop may have been turned on over a budget already spent
        budgetUsage.fire(new BudgetUsageChanged(campaign.id));
        if (command.channels() != null) {
            channels.sync(campaign, command.channels());
        }
        if (command.kpis() != null) {
            kpis.replaceAll(campaign, command.kpis(), actor);
        }
        Campaign.flush();
        audit.record(actor, "campaign.updated", "campaign", campaign.id, campaign.id, Map.of("version", campaign.version));
        return view(campaign);
    }

    public void delete(UUID id, Actor actor) {
        Campaign campaign = Campaign.requireForUpdate(id);
        if (campaign.status != CampaignStatus.DRAFT) {
            throw new ConflictException("not_a_draft",
                    "only draft campaigns can be deleted; this one is " + campaign.status.wire()
                            + (campaign.status.isFinal() ? "" : ": cancel it instead"),
                    Map.of("current_status", campaign.status.wire()));
        }
        if (SpendEntry.count("campaignId", id) > 0) {
            throw new ConflictException("has_spend",
                    "the campaign has recorded spend, which the ledger keeps: cancel it instead");
        }
        campaign.delete();
        audit.record(actor, "campaign.deleted", "campaign", id, null, Map.of("name", campaign.name));
    }

    /** The report stored when the campaign completed, or null before that. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Object> finalReport(UUID id) {
        return Campaign.require(id).finalReport;
    }

    /** The API view of one campaign: its channel ids and KPIs with their measured values. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignView view(Campaign campaign) {
        return views(List.of(campaign)).get(0);
    }

    private List<CampaignView> views(List<Campaign> campaigns) {
        List<UUID> ids = campaigns.stream().map(c -> c.id).toList();
        Map<UUID, List<String>> channelIds = new LinkedHashMap<>();
        for (CampaignChannel channel : CampaignChannel.ofCampaigns(ids)) {
            channelIds.computeIfAbsent(channel.campaignId, k -> new ArrayList<>()).add(channel.channelId);
        }
        Map<UUID, List<KpiView>> kpiViews = kpis.listFor(ids);
        return campaigns.stream()
                .map(c -> CampaignView.of(c, channelIds.getOrDefault(c.id, List.of()), kpiViews.getOrDefault(c.id, List.of())))
                .toList();
    }

    private static void checkCommand(CampaignCommand command) {
        Violations violations = new Violations();
        violations.check(command.endDate().isAfter(command.startDate()), "end_date", "must be after start_date");
        try {
            Currency.getInstance(command.currency());
        } catch (IllegalArgumentException e) {
            violations.add("currency", "'" + command.currency() + "' is not an ISO 4217 currency code");
        }
        violations.check(isRegionZone(command.timeZoneOrDefault()), "time_zone",
                "'" + command.timeZoneOrDefault() + "' is not an IANA time zone id (such as Europe/Paris or UTC)");
        if (command.channels() != null) {
            violations.check(new HashSet<>(command.channels()).size() == command.channels().size(), "channels",
                    "lists a channel twice");
        }
        violations.throwIfAny();
    }

    /** IANA region ids (Europe/Paris) and UTC; offsets like +02:00 have no DST rules to report in. */
    public static boolean isRegionZone(String zone) {
        try {
            return ZoneId.getAvailableZoneIds().contains(zone) && ZoneId.of(zone) != null;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static void apply(Campaign campaign, CampaignCommand command, Instant now) {
        campaign.name = command.name().strip();
        campaign.description = command.description();
        campaign.type = command.type();
        campaign.startDate = command.startDate();
        campaign.endDate = command.endDate();
        campaign.budget = Money.of(command.budget());
        campaign.currency = command.currency();
        campaign.timeZone = command.timeZoneOrDefault();
        campaign.targetAudience = command.targetAudience() == null ? List.of() : List.copyOf(command.targetAudience());
        campaign.objectives = command.objectives() == null ? List.of() : List.copyOf(command.objectives());
        if (command.hardBudgetStop() != null) {
            campaign.hardBudgetStop = command.hardBudgetStop();
        }
        campaign.updatedAt = now;
    }

    private static boolean hasMoneyOrEvents(Campaign campaign) {
        return SpendEntry.count("campaignId", campaign.id) > 0
                || Campaign.getEntityManager()
                        .createNativeQuery("select exists (select 1 from campaign_events where campaign_id = ?1)")
                        .setParameter(1, campaign.id).getSingleResult().equals(Boolean.TRUE);
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
