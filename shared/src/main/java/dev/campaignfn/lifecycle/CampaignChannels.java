package dev.campaignfn.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.audit.AuditLog;
import dev.campaignfn.budget.ChannelAllocation;
import dev.campaignfn.budget.SpendEntry;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignChannel;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.campaign.ChannelStatus;
import dev.campaignfn.campaign.ChannelsChanged;
import dev.campaignfn.campaign.Platform;
import dev.campaignfn.common.Actor;
import dev.campaignfn.common.ConflictException;
import dev.campaignfn.common.DatabaseJson;
import dev.campaignfn.common.NotFoundException;
import dev.campaignfn.common.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The channels of campaigns: the list kept in step with the campaign, settings, lifecycle status. */
@ApplicationScoped
@Transactional
public class CampaignChannels {

    /** Channel configuration is settings, not content: a bound keeps a row from growing without limit. */
    public static final int MAX_CONFIG_BYTES = 16 * 1024;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @Inject
    Event<ChannelsChanged> channelsChanged;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChannelView> list(UUID campaignId) {
        Campaign.require(campaignId);
        return CampaignChannel.of(campaignId).stream().map(ChannelView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ChannelView get(UUID campaignId, String channelId) {
        Campaign.require(campaignId);
        return ChannelView.of(require(campaignId, channelId));
    }

    public ChannelView update(UUID campaignId, String channelId, @Valid @NotNull ChannelCommand command, Actor actor) {
        Campaign campaign = Campaign.requireForUpdate(campaignId);
        CampaignChannel channel = require(campaignId, channelId);
        checkConfigSize(command.config());
        if (command.status() != null && command.status() != channel.status) {
            toggle(campaign, channel, command.status());
        }
        channel.platform = command.platform();
        channel.config = command.config() == null ? Map.of() : DatabaseJson.canonical(command.config());
        channel.updatedAt = clock.instant();
        CampaignChannel.flush();
        audit.record(actor, "channel.updated", "channel", channelId, campaignId,
                Map.of("platform", channel.platform.wire(), "status", channel.status.wire()));
        return ChannelView.of(channel);
    }

    /** Pauses or resumes one channel of an active campaign (a sync rule's action); answers whether it changed. */
    public boolean setStatus(UUID campaignId, String channelId, ChannelStatus status, String reason, Actor actor) {
        Campaign campaign = Campaign.requireForUpdate(campaignId);
        CampaignChannel channel = require(campaignId, channelId);
        if (channel.status == status) {
            return false;
        }
        ChannelStatus from = channel.status;
        toggle(campaign, channel, status);
        channel.updatedAt = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from.wire());
        details.put("to", status.wire());
        if (reason != null) {
            details.put("reason", reason);
        }
        audit.record(actor, "channel." + status.wire(), "channel", channelId, campaignId, details);
        return true;
    }

    /** Only an active campaign's channels are switched on their own; the platforms follow the change. */
    private void toggle(Campaign campaign, CampaignChannel channel, ChannelStatus status) {
        if (campaign.status != CampaignStatus.ACTIVE || (status != ChannelStatus.ACTIVE && status != ChannelStatus.PAUSED)) {
            throw new ConflictException("illegal_channel_status",
                    "a channel can only be set active or paused while its campaign is active (the campaign is "
                            + campaign.status.wire() + ")",
                    Map.of("current_status", channel.status.wire(), "campaign_status", campaign.status.wire()));
        }
        channel.status = status;
        channelsChanged.fire(new ChannelsChanged(campaign.id));
    }

    /**
     * Makes the campaign's channels exactly {@code channelIds}, in that order. A channel that has an
     * allocation or spend cannot be removed: its money would have nowhere to go.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sync(Campaign campaign, List<String> channelIds) {
        Instant now = clock.instant();
        Map<String, CampaignChannel> existing = new LinkedHashMap<>();
        CampaignChannel.of(campaign.id).forEach(c -> existing.put(c.channelId, c));
        int position = 0;
        for (String channelId : channelIds) {
            CampaignChannel channel = existing.remove(channelId);
            if (channel == null) {
                channel = new CampaignChannel();
                channel.campaignId = campaign.id;
                channel.channelId = channelId;
                channel.platform = Platform.guessFrom(channelId);
                channel.config = Map.of();
                channel.status = statusFollowing(campaign.status);
                channel.createdAt = now;
                channel.updatedAt = now;
                channel.position = position++;
                channel.persist();
            } else {
                channel.position = position++;
            }
        }
        for (CampaignChannel removed : existing.values()) {
            ChannelAllocation allocation = ChannelAllocation.find(campaign.id, removed.channelId);
            boolean hasMoney = (allocation != null && (allocation.allocated.signum() != 0 || allocation.spent.signum() != 0))
                    || SpendEntry.count("campaignId = ?1 and channelId = ?2", campaign.id, removed.channelId) > 0;
            if (hasMoney) {
                throw new ConflictException("channel_in_use", "channel '" + removed.channelId
                        + "' has budget allocated or spend recorded and cannot be removed",
                        Map.of("channel_id", removed.channelId));
            }
            if (allocation != null) {
                allocation.delete();
            }
            removed.delete();
        }
        CampaignChannel.flush();
    }

    /** Moves every channel along with its campaign's new lifecycle state. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void follow(Campaign campaign) {
        Instant now = clock.instant();
        boolean moved = false;
        for (CampaignChannel channel : CampaignChannel.of(campaign.id)) {
            ChannelStatus next = statusFollowing(campaign.status);
            if (next != channel.status) {
                channel.status = next;
                channel.updatedAt = now;
                moved = true;
            }
        }
        if (moved) {
            channelsChanged.fire(new ChannelsChanged(campaign.id));
        }
    }

    /**
     * A channel's status while its campaign is in the given state. Resuming a campaign resumes all
     * of its channels; a channel paused on its own is paused again through the channel route.
     */
    static ChannelStatus statusFollowing(CampaignStatus campaignStatus) {
        return switch (campaignStatus) {
            case DRAFT, SCHEDULED -> ChannelStatus.PENDING;
            case ACTIVE -> ChannelStatus.ACTIVE;
            case PAUSED -> ChannelStatus.PAUSED;
            case COMPLETED, CANCELLED -> ChannelStatus.COMPLETED;
        };
    }

    public static CampaignChannel require(UUID campaignId, String channelId) {
        CampaignChannel channel = CampaignChannel.find(campaignId, channelId);
        if (channel == null) {
            throw new NotFoundException("channel", channelId);
        }
        return channel;
    }

    private void checkConfigSize(Map<String, Object> config) {
        if (config == null) {
            return;
        }
        try {
            if (json.writeValueAsBytes(config).length > MAX_CONFIG_BYTES) {
                throw ValidationException.of("config", "must be at most " + MAX_CONFIG_BYTES + " bytes of JSON");
            }
        } catch (JsonProcessingException e) {
            throw ValidationException.of("config", "is not serializable JSON");
        }
    }
}
