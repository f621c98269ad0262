package dev.campaignfn.integration;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.campaignfn.audit.AuditLog;
import dev.campaignfn.budget.BudgetLedger;
import dev.campaignfn.budget.SpendCommand;
import dev.campaignfn.budget.SpendEntryType;
import dev.campaignfn.budget.SpendRecording;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignChannel;
import dev.campaignfn.common.Actor;
import dev.campaignfn.common.ConflictException;
import dev.campaignfn.common.Money;
import dev.campaignfn.common.NotFoundException;
import dev.campaignfn.common.Violations;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Spend imports (seed 000's {@code importAnalyticsData} for money): an ad platform's daily report becomes ledger
 * entries in the campaign's currency. Rows are summed per campaign, channel and day and compared with what earlier
 * imports of the same platform recorded for that day: a new day is a spend entry, an unchanged one writes nothing, a
 * changed one writes the difference as a correcting entry (spend, or a refund naming the entry it corrects) - the
 * ledger stays append-only and a re-import never double counts. A row in another currency than its campaign's is
 * rejected, never converted. The whole file is one transaction: it lands entirely or not at all.
 */
@ApplicationScoped
public class SpendImports {

    /** A mapping to create. */
    public record MappingCommand(@NotNull SpendImportPlatform platform, @NotBlank @Size(max = 255) String externalCampaign,
            @NotNull UUID campaignId, @Pattern(regexp = "[a-z0-9_]{1,64}", message = "must be a channel id") String channelId) {
    }

    /** A large file to upload and import as a job. */
    public record UploadCommand(@NotNull SpendImportPlatform platform, @Size(max = 255) String fileName) {
    }

    /** One row's outcome. */
    @RegisterForReflection
    public record RowOutcome(int line, String status, UUID campaignId, String channelId, LocalDate date, BigDecimal amount, String currency,
            UUID entryId, String reason) {
    }

    /** A finished import: counts and each row's outcome. */
    @RegisterForReflection
    public record Report(UUID id, SpendImportPlatform platform, String fileName, Map<String, Integer> counts, List<RowOutcome> rows,
            String createdBy, Instant createdAt) {
    }

    public static final String IMPORTED = "imported";
    public static final String UNCHANGED = "unchanged";
    public static final String CORRECTED = "corrected";
    public static final String REJECTED = "rejected";

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    BudgetLedger ledger;

    @Inject
    AuditLog audit;

    // ------------------------------------------------------------------------------------------ mappings

    public List<SpendImportMapping.View> mappings(SpendImportPlatform platform) {
        List<SpendImportMapping> found = platform == null ? SpendImportMapping.list("order by platform, externalCampaign")
                : SpendImportMapping.list("platform = ?1 order by externalCampaign", platform);
        return found.stream().map(SpendImportMapping::view).toList();
    }

    @Transactional
    public SpendImportMapping.View map(@Valid @NotNull MappingCommand command, Actor actor) {
        Violations violations = new Violations();
        Campaign campaign = Campaign.findById(command.campaignId());
        violations.check(campaign != null, "campaign_id", "no campaign " + command.campaignId());
        if (campaign != null && command.channelId() != null) {
            violations.check(CampaignChannel.find(campaign.id, command.channelId()) != null, "channel_id",
                    "'" + command.channelId() + "' is not a channel of this campaign");
        }
        violations.throwIfAny();
        if (SpendImportMapping.count("platform = ?1 and externalCampaign = ?2", command.platform(), command.externalCampaign()) > 0) {
            throw new ConflictException("mapping_exists", "'" + command.externalCampaign() + "' of " + command.platform().wire()
                    + " is already mapped: remove that mapping first");
        }
        SpendImportMapping mapping = new SpendImportMapping();
        mapping.id = UUID.randomUUID();
        mapping.platform = command.platform();
        mapping.externalCampaign = command.externalCampaign();
        mapping.campaignId = command.campaignId();
        mapping.channelId = command.channelId();
        mapping.createdBy = actor.name();
        mapping.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        mapping.persistAndFlush();
        audit.record(actor, "spend_mapping.created", "spend_mapping", mapping.id, mapping.campaignId,
                Map.of("platform", command.platform().wire(), "external_campaign", command.externalCampaign()));
        return mapping.view();
    }

    @Transactional
    public void unmap(UUID id, Actor actor) {
        SpendImportMapping mapping = SpendImportMapping.findById(id);
        if (mapping == null) {
            throw new NotFoundException("spend import mapping", id);
        }
        mapping.delete();
        audit.record(actor, "spend_mapping.deleted", "spend_mapping", id, mapping.campaignId, Map.of());
    }

    // ------------------------------------------------------------------------------------------ imports

    /** A day's spend of one campaign and channel in this file, and the rows it came from. */
    private static final class Day {
        final Campaign campaign;
        final String channel;
        final LocalDate date;
        BigDecimal amount = BigDecimal.ZERO.setScale(2);
        final List<SpendLayout.Row> rows = new ArrayList<>();

        Day(Campaign campaign, String channel, LocalDate date) {
            this.campaign = campaign;
            this.channel = channel;
            this.date = date;
        }
    }

    /** A file imported under the import id it is recorded with ({@link ImportJobs}, which records the report). */
    @Transactional
    public Report importFile(UUID importId, SpendImportPlatform platform, String csv, String fileName, Actor actor) {
        SpendLayout.Read read = SpendLayout.read(platform, Csv.parse(csv));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<RowOutcome> outcomes = new ArrayList<>();
        Map<String, Day> days = new LinkedHashMap<>();
        Map<String, Campaign> campaigns = new LinkedHashMap<>();
        // the platform's mappings and the campaigns' channels are read once per file, not once per row
        Map<String, SpendImportMapping> mappings = new HashMap<>();
        SpendImportMapping.<SpendImportMapping>list("platform", platform).forEach(m -> mappings.put(m.externalCampaign, m));
        Map<String, Boolean> channels = new HashMap<>();
        for (SpendLayout.Row row : read.rows()) {
            String problem = row.problem();
            Campaign campaign = null;
            String channel = null;
            if (problem == null) {
                // the platform's campaign id first, then its name
                SpendImportMapping mapping = row.campaignId() != null && mappings.containsKey(row.campaignId())
                        ? mappings.get(row.campaignId()) : row.campaignName() == null ? null : mappings.get(row.campaignName());
                if (mapping == null && platform == SpendImportPlatform.GENERIC && isUuid(row.campaignName())) {
                    campaign = campaigns.computeIfAbsent(row.campaignName(), k -> Campaign.findById(UUID.fromString(k)));
                } else if (mapping != null) {
                    campaign = campaigns.computeIfAbsent(mapping.campaignId.toString(), k -> Campaign.findById(mapping.campaignId));
                    channel = mapping.channelId;
                }
                channel = row.channel() != null ? row.channel() : channel;
                problem = check(row, campaign, channel, channels, now);
            }
            if (problem != null) {
                outcomes.add(new RowOutcome(row.line(), REJECTED, campaign == null ? null : campaign.id, channel, row.day(), row.amount(),
                        row.currency(), null, problem));
                continue;
            }
            Campaign dayCampaign = campaign;
            String dayChannel = channel;
            Day day = days.computeIfAbsent(campaign.id + "|" + (channel == null ? "" : channel) + "|" + row.day(),
                    k -> new Day(dayCampaign, dayChannel, row.day()));
            day.amount = day.amount.add(row.amount());
            day.rows.add(row);
        }
        for (Day day : days.values()) {
            Recorded recorded = record(platform, day.campaign, day.channel, day.date, day.amount, fileName == null ? "import" : "import:" + fileName,
                    actor, now);
            for (SpendLayout.Row row : day.rows) {
                outcomes.add(new RowOutcome(row.line(), recorded.status(), day.campaign.id, day.channel, day.date, row.amount(), row.currency(),
                        recorded.entryId(), recorded.reason()));
            }
        }
        outcomes.sort(java.util.Comparator.comparingInt(RowOutcome::line));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String status : List.of(IMPORTED, UNCHANGED, CORRECTED, REJECTED)) {
            counts.put(status, (int) outcomes.stream().filter(o -> o.status().equals(status)).count());
        }
        counts.put("skipped_lines", read.skipped());
        audit.record(actor, "spend_import.done", "spend_import", importId, null, new LinkedHashMap<>(counts));
        return new Report(importId, platform, fileName, counts, outcomes, actor.name(), now);
    }

    /** Why a read row cannot be recorded for this campaign and channel (null: it can); {@code channels} remembers which exist. */
    private static String check(SpendLayout.Row row, Campaign campaign, String channel, Map<String, Boolean> channels, Instant now) {
        if (campaign == null) {
            return "no mapping for campaign '" + (row.campaignId() != null ? row.campaignId() : row.campaignName()) + "'";
        }
        if (!campaign.currency.equals(row.currency())) {
            return "the row is in " + row.currency() + ", the campaign in " + campaign.currency + " (amounts are never converted)";
        }
        if (channel != null && !channels.computeIfAbsent(campaign.id + "|" + channel, k -> CampaignChannel.find(campaign.id, channel) != null)) {
            return "'" + channel + "' is not a channel of the campaign";
        }
        if (row.day().atStartOfDay(campaign.zone()).toInstant().isAfter(now)) {
            return "the day is in the future";
        }
        if (!Money.fits(row.amount())) {
            return "the amount " + Money.DIGITS_RULE;
        }
        return null;
    }

    /** What became of one day: its status, the ledger entry that holds it, and for a correction what changed. */
    public record Recorded(String status, UUID entryId, String reason) {
    }

    /**
     * Records one day's spend of a campaign's channel as the platform reports it now, against what was recorded for the
     * platform before (a CSV import and a pull from the platform's API are the same figure, so they share the day):
     * new, unchanged, or corrected by the difference. {@code source} says where the figure came from ({@code import:}
     * and the file name, {@code pull}). The caller has checked the currency and the day.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Recorded record(SpendImportPlatform platform, Campaign campaign, String channel, LocalDate date, BigDecimal amount, String source,
            Actor actor, Instant now) {
        Day day = new Day(campaign, channel, date);
        day.amount = amount.setScale(2);
        // the campaign's row lock first, as every change to its money takes it: two imports of the same day queue here
        Campaign.requireForUpdate(day.campaign.id);
        String channelKey = day.channel == null ? "" : day.channel;
        @SuppressWarnings("unchecked")
        List<Object[]> earlier = em.createNativeQuery("""
                select amount, revision, cast(last_entry_id as text) from imported_spend_days
                 where platform = ?1 and campaign_id = ?2 and channel_id = ?3 and day = ?4 for update""")
                .setParameter(1, platform.wire()).setParameter(2, day.campaign.id).setParameter(3, channelKey).setParameter(4, day.date)
                .getResultList();
        BigDecimal before = earlier.isEmpty() ? null : ((BigDecimal) earlier.get(0)[0]).setScale(2);
        int revision = earlier.isEmpty() ? 0 : ((Number) earlier.get(0)[1]).intValue();
        UUID lastEntry = earlier.isEmpty() || earlier.get(0)[2] == null ? null : UUID.fromString((String) earlier.get(0)[2]);
        if (before != null && before.compareTo(day.amount) == 0) {
            return new Recorded(UNCHANGED, lastEntry, null);
        }
        BigDecimal delta = before == null ? day.amount : day.amount.subtract(before);
        UUID entryId = lastEntry;
        if (delta.signum() != 0) {
            SpendCommand command = new SpendCommand(delta.abs(), delta.signum() > 0 ? SpendEntryType.SPEND : SpendEntryType.REFUND, day.channel,
                    platform.wire() + " spend of " + day.date + " (" + source.replaceFirst(":.*", "") + (before == null ? ""
                            : ", was " + before + ", now " + day.amount) + ")",
                    cut(platform.wire() + ":" + day.date + ":" + source, 255),
                    "import:" + platform.wire() + ":" + day.campaign.id + ":" + channelKey + ":" + day.date + ":r" + (revision + 1),
                    day.date.atStartOfDay(day.campaign.zone()).toInstant(), day.campaign.currency, delta.signum() < 0 ? lastEntry : null);
            SpendRecording recording = ledger.record(day.campaign.id, command, actor);
            entryId = recording.entry().id();
        }
        em.createNativeQuery("""
                insert into imported_spend_days (platform, campaign_id, channel_id, day, amount, currency, revision, last_entry_id, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                on conflict (platform, campaign_id, channel_id, day)
                do update set amount = excluded.amount, revision = excluded.revision, last_entry_id = excluded.last_entry_id,
                              updated_at = excluded.updated_at""")
                .setParameter(1, platform.wire()).setParameter(2, day.campaign.id).setParameter(3, channelKey).setParameter(4, day.date)
                .setParameter(5, day.amount).setParameter(6, day.campaign.currency).setParameter(7, revision + 1).setParameter(8, entryId)
                .setParameter(9, now).executeUpdate();
        return new Recorded(before == null ? IMPORTED : CORRECTED, entryId, before == null ? null : "was " + before + ", now " + day.amount);
    }

    /** An external reference within the ledger's 255 characters (a long file name is cut, never refused). */
    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return text.length() == 36;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
