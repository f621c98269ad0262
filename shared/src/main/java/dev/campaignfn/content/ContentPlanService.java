package dev.campaignfn.content;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.campaignfn.audit.AuditLog;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignChannel;
import dev.campaignfn.common.Actor;
import dev.campaignfn.common.NotFoundException;
import dev.campaignfn.common.PreconditionFailedException;
import dev.campaignfn.common.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A campaign's content plan: what gets published, where and when, and how far along it is. */
@ApplicationScoped
@Transactional
public class ContentPlanService {

    public static final int MAX_ITEMS_PER_CAMPAIGN = 500;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContentView> list(UUID campaignId) {
        Campaign.require(campaignId);
        return ContentItem.<ContentItem>list("campaignId = ?1 order by publishDate nulls last, createdAt", campaignId)
                .stream().map(ContentView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ContentView get(UUID campaignId, UUID itemId) {
        return ContentView.of(require(campaignId, itemId));
    }

    public ContentView create(UUID campaignId, @Valid @NotNull ContentCommand command, Actor actor) {
        Campaign.require(campaignId);
        requireChannel(campaignId, command.channel());
        if (ContentItem.count("campaignId", campaignId) >= MAX_ITEMS_PER_CAMPAIGN) {
            throw ValidationException.of("campaign_id", "a campaign has at most " + MAX_ITEMS_PER_CAMPAIGN + " content items");
        }
        ContentItem item = new ContentItem();
        item.id = UUID.randomUUID();
        item.campaignId = campaignId;
        item.createdAt = clock.instant();
        apply(item, command);
        item.persist();
        audit.record(actor, "content.created", "content", item.id, campaignId, Map.of("title", item.title));
        return ContentView.of(item);
    }

    public ContentView update(UUID campaignId, UUID itemId, @Valid @NotNull ContentCommand command, Long expectedVersion,
            Actor actor) {
        ContentItem item = require(campaignId, itemId);
        if (expectedVersion != null && expectedVersion != item.version) {
            throw new PreconditionFailedException("content item", expectedVersion, item.version);
        }
        requireChannel(campaignId, command.channel());
        apply(item, command);
        ContentItem.flush();
        audit.record(actor, "content.updated", "content", item.id, campaignId,
                Map.of("title", item.title, "status", item.status.wire()));
        return ContentView.of(item);
    }

    public void delete(UUID campaignId, UUID itemId, Actor actor) {
        ContentItem item = require(campaignId, itemId);
        item.delete();
        audit.record(actor, "content.deleted", "content", itemId, campaignId, Map.of("title", item.title));
    }

    private void apply(ContentItem item, ContentCommand command) {
        item.contentType = command.type();
        item.title = command.title();
        item.description = command.description();
        item.channelId = command.channel();
        item.contentUrl = command.contentUrl();
        item.publishDate = command.publishDate();
        item.status = command.status() == null ? ContentStatus.PLANNED : command.status();
        item.updatedAt = clock.instant();
    }

    private static void requireChannel(UUID campaignId, String channel) {
        if (channel != null && CampaignChannel.find(campaignId, channel) == null) {
            throw ValidationException.of("channel", "'" + channel + "' is not a channel of this campaign");
        }
    }

    private static ContentItem require(UUID campaignId, UUID itemId) {
        Campaign.require(campaignId);
        ContentItem item = ContentItem.findById(itemId);
        if (item == null || !item.campaignId.equals(campaignId)) {
            throw new NotFoundException("content item", itemId);
        }
        return item;
    }
}
