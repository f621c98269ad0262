package dev.campaignfn.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.campaignfn.common.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Records changes in the caller's transaction, so an audit row exists exactly when the change does. */
@ApplicationScoped
public class AuditLog {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, String entityType, Object entityId, UUID campaignId,
            Map<String, Object> details) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = clock.instant();
        entry.actor = actor.name();
        entry.action = action;
        entry.entityType = entityType;
        entry.entityId = entityId == null ? null : String.valueOf(entityId);
        entry.campaignId = campaignId;
        entry.details = details;
        entry.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> ofCampaign(UUID campaignId, int limit) {
        return AuditEntry.find("campaignId = ?1 order by id desc", campaignId).page(0, limit).list();
    }
}
