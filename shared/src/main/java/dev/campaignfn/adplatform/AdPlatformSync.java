package dev.campaignfn.adplatform;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.campaignfn.alert.AlertDraft;
import dev.campaignfn.alert.AlertService;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.common.Actor;
import dev.campaignfn.common.Backoff;
import dev.campaignfn.common.ConflictException;
import dev.campaignfn.common.JobReport;
import dev.campaignfn.common.Money;
import dev.campaignfn.integration.IntegrationSecrets;
import dev.campaignfn.integration.IntegrationsConfig;
import dev.campaignfn.integration.SpendImportPlatform;
import dev.campaignfn.integration.SpendImports;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The ad platforms job: sends the connections' outbox after the changes that queued it committed, and pulls each
 * connected channel's daily spend into the ledger. A push is claimed with a lease and sent outside any transaction;
 * the platform's answer is recorded in its own. 2xx: sent. A rate limit waits for the time the platform names; 5xx,
 * timeouts and transient errors back off 1, 2, 4 ... minutes; after the last attempt the push is dead. A permanent
 * refusal (an expired token, a campaign not in the account, a value refused) fails the push, marks the connection
 * failing (which blocks the next launch) and raises an alert: never lost, never silently retried.
 */
@ApplicationScoped
public class AdPlatformSync {

    private static final Logger LOG = Logger.getLogger(AdPlatformSync.class);

    static final int CLAIM_SIZE = 100;
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration SENDING_TIME = Duration.ofSeconds(60);
    /** A channel's spend is read at most this often by the job (the platforms settle a day's figure over hours). */
    static final Duration PULL_EVERY = Duration.ofHours(1);
    static final String ALERT_KIND = "ad_platform";
    static final Actor ACTOR = new Actor("system:ad-platforms");

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    PlatformApis apis;

    @Inject
    IntegrationSecrets sealing;

    @Inject
    IntegrationsConfig integrations;

    @Inject
    AdPlatformsConfig config;

    @Inject
    AlertService alerts;

    @Inject
    SpendImports spend;

    /** What one spend pull did. */
    public record SpendPull(UUID campaignId, String channelId, LocalDate from, LocalDate to, String currency, Map<String, Integer> days,
            String error) {
    }

    public JobReport run() {
        Instant started = clock.instant();
        Map<String, Object> outcome = new LinkedHashMap<>();
        Map<String, Integer> pushes = new LinkedHashMap<>();
        Set<String> refusedThisRun = new HashSet<>();
        Instant until = started.plus(SENDING_TIME);
        int claimed;
        do {
            List<Long> ids = claim(CLAIM_SIZE);
            claimed = ids.size();
            for (Long id : ids) {
                pushes.merge(send(id, refusedThisRun), 1, Integer::sum);
            }
        } while (claimed == CLAIM_SIZE && clock.instant().isBefore(until));
        outcome.put("pushes", pushes);
        List<SpendPull> pulls = new ArrayList<>();
        for (Object[] due : dueForPull()) {
            pulls.add(pull((UUID) due[0], (String) due[1]));
        }
        outcome.put("spend_pulls", pulls.size());
        outcome.put("spend_pull_errors", pulls.stream().filter(p -> p.error() != null).count());
        return new JobReport("ads", started, clock.instant(), outcome);
    }

    /** Claims due pushes for this run (skipping those another run holds); answers their ids in order. */
    List<Long> claim(int limit) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("""
                    update channel_pushes set lease_until = ?1 where id in (
                        select id from channel_pushes
                         where status = 'pending' and next_attempt_at <= ?2 and (lease_until is null or lease_until < ?2)
                         order by id limit ?3 for update skip locked)
                    returning id""").setParameter(1, now.plus(LEASE)).setParameter(2, now).setParameter(3, limit).getResultList();
            return ids.stream().map(Number::longValue).sorted().toList();
        });
    }

    /** Sends one claimed push; answers what became of it. */
    String send(long id, Set<String> refusedThisRun) {
        ChannelPush push = read(() -> ChannelPush.findById(id));
        if (push == null || !ChannelPush.PENDING.equals(push.status)) {
            return "skipped";
        }
        String key = push.campaignId + "|" + push.channelId;
        if (refusedThisRun.contains(key)) {
            // the platform refused this channel a moment ago: its other pushes wait for the next run, unclaimed
            QuarkusTransaction.requiringNew().run(() -> ChannelPush.update("leaseUntil = null where id = ?1", id));
            return "held";
        }
        ChannelConnection connection = read(() -> ChannelConnection.find(push.campaignId, push.channelId));
        PlatformRefusal refusal;
        try {
            apis.of(connection.platform).push(connection, sealing.open(connection.secrets), push);
            refusal = null;
        } catch (PlatformRefusal e) {
            refusal = e;
        } catch (RuntimeException e) {
            LOG.warnf(e, "push %d to %s could not be sent", id, connection.platform.wire());
            refusal = new PlatformRefusal(false, null, PlatformHttp.cut(e.getClass().getSimpleName() + ": " + e.getMessage()), null);
        }
        PlatformRefusal answer = refusal;
        String result = QuarkusTransaction.requiringNew().call(() -> record(id, answer));
        if (!ChannelPush.SENT.equals(result)) {
            refusedThisRun.add(key);
        }
        return result;
    }

    private String record(long id, PlatformRefusal refusal) {
        Instant now = clock.instant();
        ChannelPush push = ChannelPush.findById(id);
        ChannelConnection connection = ChannelConnection.find(push.campaignId, push.channelId);
        push.attempts++;
        push.lastAttemptAt = now;
        push.leaseUntil = null;
        if (refusal == null) {
            push.status = ChannelPush.SENT;
            push.sentAt = now;
            push.lastStatus = 200;
            push.lastError = null;
            if (ChannelConnection.UNCHECKED.equals(connection.state)) {
                connection.state = ChannelConnection.OK;
                connection.stateReason = "the platform took push " + id;
            }
            return ChannelPush.SENT;
        }
        push.lastStatus = refusal.status();
        push.lastError = refusal.getMessage();
        if (!refusal.permanent() && push.attempts < integrations.maxAttempts()) {
            push.nextAttemptAt = refusal.retryAt() != null ? refusal.retryAt() : now.plus(Backoff.after(push.attempts));
            return "retrying";
        }
        push.status = refusal.permanent() ? ChannelPush.FAILED : ChannelPush.DEAD;
        if (refusal.permanent()) {
            connection.state = ChannelConnection.FAILING;
            connection.stateReason = refusal.getMessage();
            connection.checkedAt = now;
        }
        Campaign campaign = Campaign.findById(push.campaignId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("push_id", id);
        details.put("kind", push.kind);
        details.put("payload", push.payload);
        details.put("platform", connection.platform.wire());
        details.put("attempts", push.attempts);
        details.put("platform_answer", refusal.getMessage());
        alerts.raise(new AlertDraft(push.campaignId, push.channelId, null, ALERT_KIND, "critical", null,
                campaign.name + ": " + connection.platform.wire() + " did not take the " + push.kind + " of channel '" + push.channelId + "'",
                (refusal.permanent() ? "The platform refused it: " : "It failed " + push.attempts + " times; the last answer: ")
                        + refusal.getMessage() + ". The campaign here is " + campaign.status.wire()
                        + "; fix the connection, check it, and change the channel again to push it anew.",
                details, "ad-push:" + id));
        return push.status;
    }

    /** Connected ad channels whose spend is due to be read: running, or ended within the days a pull reads. */
    private List<Object[]> dueForPull() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> due = em.createQuery("""
                    select c.campaignId, c.channelId from ChannelConnection c, Campaign k
                     where k.id = c.campaignId and c.platform <> ?1 and c.state <> ?2
                       and (c.spendPulledAt is null or c.spendPulledAt < ?3)
                       and (k.status in ?4 or (k.status in ?5 and k.endDate > ?6))
                     order by c.campaignId, c.channelId""")
                    .setParameter(1, AdPlatform.ESP_WEBHOOK).setParameter(2, ChannelConnection.FAILING)
                    .setParameter(3, now.minus(PULL_EVERY)).setParameter(4, List.of(CampaignStatus.ACTIVE, CampaignStatus.PAUSED))
                    .setParameter(5, List.of(CampaignStatus.COMPLETED, CampaignStatus.CANCELLED))
                    .setParameter(6, now.minus(Duration.ofDays(config.spendDays()))).getResultList();
            return due;
        });
    }

    /**
     * Reads the channel's spend by day from its platform (the last {@code spend-days} days of its run, in the account's
     * time zone) and records each day as a spend import does: a new day is an entry, an unchanged one nothing, a
     * changed one a correcting entry. An account in another currency than the campaign's writes nothing and raises an
     * alert.
     */
    public SpendPull pull(UUID campaignId, String channelId) {
        ChannelConnection connection = read(() -> ChannelConnections.require(campaignId, channelId));
        if (connection.platform == AdPlatform.ESP_WEBHOOK) {
            throw new ConflictException("no_spend", "an e-mail webhook reports no spend", Map.of("channel_id", channelId));
        }
        Campaign campaign = read(() -> Campaign.require(campaignId));
        Instant now = clock.instant();
        ZoneId zone = connection.accountTimeZone != null ? ZoneId.of(connection.accountTimeZone) : campaign.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate start = LocalDate.ofInstant(campaign.startDate, zone);
        LocalDate from = start.isBefore(today.minusDays(config.spendDays() - 1L)) ? today.minusDays(config.spendDays() - 1L) : start;
        LocalDate last = campaign.lastDay(zone);
        LocalDate to = last.isBefore(today) ? last : today;
        if (from.isAfter(to)) {
            return finishPull(campaignId, channelId, from, to, null, Map.of(), null);
        }
        PlatformApi.SpendReport report;
        try {
            report = apis.of(connection.platform).spend(connection, sealing.open(connection.secrets), from, to);
        } catch (PlatformRefusal e) {
            return finishPull(campaignId, channelId, from, to, null, Map.of(), e.getMessage());
        }
        if (report.currency() != null && !report.currency().equals(campaign.currency)) {
            String error = "the platform reports spend in " + report.currency() + ", the campaign is in " + campaign.currency
                    + ": nothing was recorded (amounts are never converted)";
            QuarkusTransaction.requiringNew().run(() -> alerts.raise(new AlertDraft(campaignId, channelId, null, ALERT_KIND, "critical", null,
                    campaign.name + ": spend of channel '" + channelId + "' is in " + report.currency(), error,
                    Map.of("platform", connection.platform.wire(), "currency", report.currency(), "campaign_currency", campaign.currency),
                    "ad-spend-currency:" + campaignId + ":" + channelId + ":" + report.currency())));
            return finishPull(campaignId, channelId, from, to, report.currency(), Map.of(), error);
        }
        SpendImportPlatform source = connection.platform == AdPlatform.META ? SpendImportPlatform.META : SpendImportPlatform.GOOGLE_ADS;
        Map<LocalDate, BigDecimal> days = new java.util.TreeMap<>();
        report.days().forEach(d -> days.merge(d.day(), d.amount(), BigDecimal::add));
        Map<String, Integer> counts = new HashMap<>();
        List<String> refused = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            Campaign locked = Campaign.requireForUpdate(campaignId);
            for (Map.Entry<LocalDate, BigDecimal> day : days.entrySet()) {
                if (day.getKey().isBefore(from) || day.getKey().isAfter(to) || day.getValue().signum() < 0 || !Money.fits(day.getValue())) {
                    refused.add(day.getKey() + " " + day.getValue().toPlainString());
                    continue;
                }
                SpendImports.Recorded recorded = spend.record(source, locked, channelId, day.getKey(), day.getValue(), "pull", ACTOR, now);
                counts.merge(recorded.status(), 1, Integer::sum);
            }
        });
        return finishPull(campaignId, channelId, from, to, report.currency(), counts,
                refused.isEmpty() ? null : "days refused (outside the range, negative or too large): " + String.join(", ", refused));
    }

    /**
     * An entity read in a transaction of its own and detached: the job runs without a request around it, and what it
     * reads is used while the platform is called, outside any transaction.
     */
    private <T> T read(java.util.function.Supplier<T> find) {
        return QuarkusTransaction.requiringNew().call(() -> {
            T found = find.get();
            if (found != null) {
                em.detach(found);
            }
            return found;
        });
    }

    private SpendPull finishPull(UUID campaignId, String channelId, LocalDate from, LocalDate to, String currency, Map<String, Integer> days,
            String error) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            ChannelConnection connection = ChannelConnection.find(campaignId, channelId);
            connection.spendPulledAt = now;
            connection.spendPullError = error;
        });
        return new SpendPull(campaignId, channelId, from, to, currency, days, error);
    }
}
