package dev.campaignfn.adplatform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.campaignfn.audit.AuditLog;
import dev.campaignfn.budget.ChannelAllocation;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignChannel;
import dev.campaignfn.campaign.CampaignLaunching;
import dev.campaignfn.campaign.ChannelStatus;
import dev.campaignfn.campaign.ChannelsChanged;
import dev.campaignfn.common.Actor;
import dev.campaignfn.common.ConflictException;
import dev.campaignfn.common.NotFoundException;
import dev.campaignfn.common.Violations;
import dev.campaignfn.integration.IntegrationSecrets;
import dev.campaignfn.kpi.RunProgress;
import dev.campaignfn.lifecycle.CampaignChannels;
import dev.campaignfn.link.LinkView;
import dev.campaignfn.link.TrackedLinks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Seed 000's multi-channel coordinator: a channel's connection to the platform campaign it runs as, and what the
 * campaign's changes here mean there. A launch, pause, resume, completion or cancellation moves the channels; a budget
 * allocation or a rule's budget action changes what a channel may spend; either way the observer below queues the
 * state the platform must reach in the same transaction (the outbox), and {@link AdPlatformSync} sends it after the
 * commit. A channel that cannot run blocks the launch (seed 000's validateChannels).
 */
@ApplicationScoped
@Transactional
public class ChannelConnections {

    public static final String ACTIVE = "active";
    public static final String PAUSED = "paused";

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    IntegrationSecrets sealing;

    @Inject
    AdPlatformsConfig config;

    @Inject
    TrackedLinks links;

    @Inject
    PlatformApis apis;

    @Transactional(Transactional.TxType.SUPPORTS)
    public ConnectionView get(UUID campaignId, String channelId) {
        return view(require(campaignId, channelId));
    }

    /** Creates or replaces the channel's connection; secrets left out of a replace of the same platform stay as they were. */
    public ConnectionView put(UUID campaignId, String channelId, @Valid @NotNull ConnectionCommand command, Actor actor) {
        Campaign campaign = Campaign.requireForUpdate(campaignId);
        CampaignChannel channel = CampaignChannels.require(campaignId, channelId);
        ChannelConnection connection = ChannelConnection.find(campaignId, channelId);
        boolean keepSecrets = connection != null && connection.platform == command.platform()
                && (command.secrets() == null || command.secrets().isEmpty());
        Map<String, String> secrets = keepSecrets ? sealing.open(connection.secrets)
                : command.secrets() == null ? Map.of() : command.secrets();
        Map<String, String> settings = command.settings() == null ? Map.of() : command.settings();
        check(command.platform(), channel, settings, secrets);
        Instant now = clock.instant();
        boolean created = connection == null;
        // another platform campaign (or service) knows nothing of what was pushed to the last one
        boolean retargeted = created || connection.platform != command.platform() || !settings.equals(connection.settings);
        if (created) {
            connection = new ChannelConnection();
            connection.campaignId = campaignId;
            connection.channelId = channelId;
            connection.createdBy = actor.name();
            connection.createdAt = now;
        }
        if (!keepSecrets) {
            connection.secrets = sealing.seal(secrets);
        }
        connection.platform = command.platform();
        connection.settings = new LinkedHashMap<>(settings);
        // new credentials or a new campaign are unknown until checked; a failing connection no longer blocks a launch
        connection.state = ChannelConnection.UNCHECKED;
        connection.stateReason = null;
        connection.checkedAt = null;
        connection.updatedAt = now;
        if (retargeted) {
            connection.queuedStatus = null;
            connection.queuedBudget = null;
        }
        if (created) {
            connection.persist();
        }
        ChannelConnection.flush();
        if (retargeted) {
            // a channel that already runs, or has a budget, is pushed as it is now
            reconcile(campaign, connection, now);
        }
        audit.record(actor, created ? "connection.created" : "connection.updated", "channel", channelId, campaignId,
                Map.of("platform", command.platform().wire(), "settings", settings));
        return view(connection);
    }

    public void delete(UUID campaignId, String channelId, Actor actor) {
        Campaign.requireForUpdate(campaignId);
        ChannelConnection connection = require(campaignId, channelId);
        connection.delete();
        audit.record(actor, "connection.deleted", "channel", channelId, campaignId, Map.of("platform", connection.platform.wire()));
    }

    /**
     * Asks the platform whether the credentials reach the account and its campaign, outside any transaction (a slow
     * platform holds no lock), then records the answer: ok, or failing with the platform's reason, which blocks the
     * launch until a check passes. A platform that could not be reached leaves the state as it was.
     */
    @Transactional(Transactional.TxType.NEVER)
    public ConnectionView check(UUID campaignId, String channelId) {
        ChannelConnection connection = require(campaignId, channelId);
        Map<String, String> secrets = sealing.open(connection.secrets);
        PlatformApi.Account account = null;
        PlatformRefusal refusal = null;
        try {
            account = apis.of(connection.platform).check(connection, secrets);
        } catch (PlatformRefusal e) {
            refusal = e;
        }
        return recordCheck(campaignId, channelId, account, refusal);
    }

    /** Records a check's answer on the connection: ok, failing (a permanent refusal or a currency the campaign cannot take). */
    private ConnectionView recordCheck(UUID campaignId, String channelId, PlatformApi.Account account, PlatformRefusal refusal) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ChannelConnection connection = require(campaignId, channelId);
            String campaignCurrency = Campaign.require(campaignId).currency;
            Instant now = clock.instant();
            if (refusal != null && !refusal.permanent()) {
                connection.stateReason = "the platform could not be asked: " + refusal.getMessage();
            } else if (refusal != null) {
                connection.state = ChannelConnection.FAILING;
                connection.stateReason = refusal.getMessage();
            } else {
                connection.accountCurrency = account.currency();
                connection.accountTimeZone = account.timeZone();
                boolean sameCurrency = account.currency() == null || account.currency().equals(campaignCurrency);
                connection.state = sameCurrency ? ChannelConnection.OK : ChannelConnection.FAILING;
                connection.stateReason = !sameCurrency ? "the account's currency is " + account.currency() + ", the campaign's "
                        + campaignCurrency + ": spend and budgets are never converted"
                        : account.campaignName() == null ? "the platform answered" : "campaign '" + account.campaignName() + "' ("
                                + account.campaignStatus() + ")" + (account.currency() == null ? "" : " in a " + account.currency()
                                        + " account") + (account.timeZone() == null ? "" : ", " + account.timeZone());
            }
            connection.checkedAt = now;
            connection.updatedAt = now;
            ChannelConnection.flush();
            return view(connection);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChannelPush.View> pushes(UUID campaignId, String channelId, int limit) {
        require(campaignId, channelId);
        return ChannelPush.<ChannelPush>find("campaignId = ?1 and channelId = ?2 order by id desc", campaignId, channelId).page(0, limit)
                .list().stream().map(ChannelPush::view).toList();
    }

    /** Seed 000's validateChannels, at launch: every channel that needs a connection has one, and none is failing. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onLaunching(@Observes CampaignLaunching launching) {
        List<String> required = config.requiredPlatforms().orElse(List.of()).stream().map(p -> p.trim().toLowerCase(Locale.ROOT)).toList();
        List<String> problems = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        Map<String, ChannelConnection> connections = new LinkedHashMap<>();
        ChannelConnection.of(launching.campaignId()).forEach(c -> connections.put(c.channelId, c));
        for (CampaignChannel channel : CampaignChannel.of(launching.campaignId())) {
            ChannelConnection connection = connections.get(channel.channelId);
            if (connection == null && required.contains(channel.platform.wire())) {
                blocked.add(channel.channelId);
                problems.add("channel '" + channel.channelId + "' runs on " + channel.platform.wire()
                        + ", which needs a connection to launch (CAMPAIGNFN_ADS_REQUIRED_PLATFORMS): connect it first");
            } else if (connection != null && ChannelConnection.FAILING.equals(connection.state)) {
                blocked.add(channel.channelId);
                problems.add("channel '" + channel.channelId + "''s " + connection.platform.wire() + " connection is failing ("
                        + connection.stateReason + "): fix it and check it again");
            }
        }
        if (!blocked.isEmpty()) {
            throw new ConflictException("channels_not_ready", String.join("; ", problems), Map.of("channels", blocked));
        }
    }

    /**
     * Queues what the campaign's connected channels' platforms must now be told: a status when the channel's differs
     * from the last one queued, a budget when its allocation does. Once per change: the same state queued again is
     * nothing, and a newer state of the same kind replaces one still waiting.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onChannelsChanged(@Observes ChannelsChanged changed) {
        List<ChannelConnection> connections = ChannelConnection.of(changed.campaignId());
        if (connections.isEmpty()) {
            return;
        }
        Campaign campaign = Campaign.findById(changed.campaignId());
        Instant now = clock.instant();
        for (ChannelConnection connection : connections) {
            reconcile(campaign, connection, now);
        }
    }

    /** Queues the status and the budget the connection's platform does not have yet, by what was queued before. */
    private void reconcile(Campaign campaign, ChannelConnection connection, Instant now) {
        CampaignChannel channel = CampaignChannel.find(connection.campaignId, connection.channelId);
        String status = channel.status == ChannelStatus.ACTIVE ? ACTIVE
                // a platform campaign this never started is left alone until it is launched
                : channel.status == ChannelStatus.PENDING || connection.queuedStatus == null ? null : PAUSED;
        if (status != null && !status.equals(connection.queuedStatus)) {
            boolean firstLaunch = connection.platform == AdPlatform.ESP_WEBHOOK && connection.queuedStatus == null;
            queue(connection, firstLaunch ? ChannelPush.LAUNCH : ChannelPush.STATUS,
                    firstLaunch ? launchPayload(campaign, channel) : statusPayload(campaign, channel, status), now);
            connection.queuedStatus = status;
        }
        ChannelAllocation allocation = ChannelAllocation.find(connection.campaignId, connection.channelId);
        if (connection.platform != AdPlatform.ESP_WEBHOOK && allocation != null && allocation.allocated.signum() > 0
                && channel.status != ChannelStatus.COMPLETED
                && (connection.queuedBudget == null || connection.queuedBudget.compareTo(allocation.allocated) != 0)) {
            queue(connection, ChannelPush.BUDGET, budgetPayload(campaign, allocation, now), now);
            connection.queuedBudget = allocation.allocated;
        }
    }

    private void queue(ChannelConnection connection, String kind, Map<String, Object> payload, Instant now) {
        ChannelPush.update("status = ?1 where campaignId = ?2 and channelId = ?3 and kind = ?4 and status = ?5", ChannelPush.SUPERSEDED,
                connection.campaignId, connection.channelId, kind, ChannelPush.PENDING);
        ChannelPush push = new ChannelPush();
        push.campaignId = connection.campaignId;
        push.channelId = connection.channelId;
        push.kind = kind;
        push.payload = payload;
        push.status = ChannelPush.PENDING;
        push.nextAttemptAt = now;
        push.createdBy = "system";
        push.createdAt = now;
        push.persist();
    }

    /**
     * The budget to set: the channel's allocation as a lifetime budget, and what is left of it spread over the days left
     * of the run (rounded down, so the platform never spends more) as a daily one.
     */
    static Map<String, Object> budgetPayload(Campaign campaign, ChannelAllocation allocation, Instant now) {
        long days = RunProgress.of(campaign, now).daysLeft();
        // spent is written by the ledger's SQL only: null on an allocation made in this transaction, which has no spend
        BigDecimal left = allocation.allocated.subtract(allocation.spent == null ? BigDecimal.ZERO : allocation.spent).max(BigDecimal.ZERO);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("amount", allocation.allocated.setScale(2).toPlainString());
        payload.put("daily_amount", left.divide(BigDecimal.valueOf(days), 2, RoundingMode.DOWN).toPlainString());
        payload.put("days_left", days);
        payload.put("currency", campaign.currency);
        return payload;
    }

    private static Map<String, Object> statusPayload(Campaign campaign, CampaignChannel channel, String status) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "channel.status");
        payload.put("status", status);
        payload.put("campaign_id", campaign.id.toString());
        payload.put("channel_id", channel.channelId);
        payload.put("campaign_status", campaign.status.wire());
        return payload;
    }

    /** What an e-mail service needs to send the campaign: the campaign, the channel's settings and its tracked links. */
    private Map<String, Object> launchPayload(Campaign campaign, CampaignChannel channel) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", campaign.id.toString());
        c.put("name", campaign.name);
        c.put("description", campaign.description);
        c.put("start_date", campaign.startDate.toString());
        c.put("end_date", campaign.endDate.toString());
        c.put("time_zone", campaign.timeZone);
        c.put("target_audience", campaign.targetAudience);
        c.put("objectives", campaign.objectives);
        List<Map<String, Object>> tracked = new ArrayList<>();
        for (LinkView link : links.list(campaign.id)) {
            if (!link.disabled() && (link.channel() == null || link.channel().equals(channel.channelId))) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("id", link.id().toString());
                l.put("slug", link.slug());
                l.put("destination_url", link.destinationUrl());
                l.put("redirects_to", link.redirectsTo());
                l.put("channel", link.channel());
                tracked.add(l);
            }
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "channel.launch");
        payload.put("status", ACTIVE);
        payload.put("campaign", c);
        payload.put("channel", Map.of("id", channel.channelId, "platform", channel.platform.wire(), "config", channel.config));
        payload.put("links", tracked);
        return payload;
    }

    private void check(AdPlatform platform, CampaignChannel channel, Map<String, String> settings, Map<String, String> secrets) {
        Violations violations = new Violations();
        violations.check(platform.channelPlatforms().contains(channel.platform), "platform", "a " + platform.wire()
                + " connection runs a channel on " + platform.channelPlatforms().stream().map(p -> p.wire()).sorted().toList()
                + "; channel '" + channel.channelId + "' runs on " + channel.platform.wire());
        for (String name : platform.requiredSettings()) {
            violations.check(settings.get(name) != null && !settings.get(name).isBlank(), "settings." + name, "is required");
        }
        settings.keySet().stream().filter(k -> !platform.requiredSettings().contains(k) && !platform.optionalSettings().contains(k))
                .forEach(k -> violations.add("settings." + k, "is not a " + platform.wire() + " setting"));
        for (String name : platform.requiredSecrets()) {
            violations.check(secrets.get(name) != null && !secrets.get(name).isBlank(), "secrets." + name, "is required");
        }
        secrets.keySet().stream().filter(k -> !platform.requiredSecrets().contains(k) && !platform.optionalSecrets().contains(k))
                .forEach(k -> violations.add("secrets." + k, "is not a " + platform.wire() + " secret"));
        switch (platform) {
            case META -> {
                format(violations, settings, "ad_account_id", "(act_)?[0-9]{1,20}", "must be the ad account id (digits, act_ optional)");
                format(violations, settings, "campaign_id", "[0-9]{1,20}", "must be the Meta campaign id (digits)");
                format(violations, settings, "budget_mode", "daily|lifetime", "must be daily or lifetime");
            }
            case GOOGLE_ADS -> {
                format(violations, settings, "customer_id", "[0-9]{3}-?[0-9]{3}-?[0-9]{4}", "must be a Google Ads customer id (10 digits)");
                format(violations, settings, "login_customer_id", "[0-9]{3}-?[0-9]{3}-?[0-9]{4}",
                        "must be the manager account's customer id (10 digits)");
                format(violations, settings, "campaign_id", "[0-9]{1,20}", "must be the Google Ads campaign id (digits)");
            }
            case ESP_WEBHOOK -> format(violations, settings, "url", "https?://\\S+", "must be an absolute http(s) URL");
        }
        violations.throwIfAny();
    }

    private static void format(Violations violations, Map<String, String> settings, String name, String pattern, String rule) {
        String value = settings.get(name);
        if (value != null && !value.isBlank()) {
            violations.check(value.matches(pattern), "settings." + name, rule);
        }
    }

    static ChannelConnection require(UUID campaignId, String channelId) {
        Campaign.require(campaignId);
        ChannelConnection connection = ChannelConnection.find(campaignId, channelId);
        if (connection == null) {
            throw new NotFoundException("connection", channelId);
        }
        return connection;
    }

    static ConnectionView view(ChannelConnection c) {
        Map<String, Long> pushes = new LinkedHashMap<>();
        for (String status : List.of(ChannelPush.PENDING, ChannelPush.SENT, ChannelPush.FAILED, ChannelPush.DEAD)) {
            pushes.put(status, 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> counts = ChannelPush.getEntityManager().createQuery(
                "select p.status, count(p) from ChannelPush p where p.campaignId = ?1 and p.channelId = ?2 group by p.status")
                .setParameter(1, c.campaignId).setParameter(2, c.channelId).getResultList();
        counts.stream().filter(row -> pushes.containsKey((String) row[0])).forEach(row -> pushes.put((String) row[0], (Long) row[1]));
        return new ConnectionView(c.campaignId, c.channelId, c.platform, c.settings, c.state, c.stateReason, c.checkedAt, c.accountCurrency,
                c.accountTimeZone, c.queuedStatus, c.queuedBudget, pushes, c.spendPulledAt, c.spendPullError, c.createdBy, c.createdAt,
                c.updatedAt, c.version);
    }
}
