package dev.campaignfn.automation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.common.Actor;
import dev.campaignfn.common.DomainException;
import dev.campaignfn.common.JobReport;
import dev.campaignfn.lifecycle.CampaignLifecycle;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The {@code lifecycle} job (seed 000's scheduleCampaignLaunch and completion): scheduled campaigns
 * whose start has come become active; active or paused campaigns whose end has passed complete with
 * their final report. Each campaign moves in its own transaction under its row lock, re-checking its
 * state there, so two runs at once move each campaign once.
 */
@ApplicationScoped
public class LifecycleJob {

    private static final Logger LOG = Logger.getLogger(LifecycleJob.class);

    @Inject
    Clock clock;

    @Inject
    CampaignLifecycle lifecycle;

    /** Jobs run outside any HTTP request; the request context gives their reads a session. */
    @ActivateRequestContext
    public JobReport run() {
        Instant started = clock.instant();
        List<String> activated = new ArrayList<>();
        List<String> completed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (UUID id : due("status = ?1 and startDate <= ?2", CampaignStatus.SCHEDULED, started)) {
            attempt(id, failed, () -> {
                if (lifecycle.activateIfDue(id, Actor.AUTOMATION)) {
                    activated.add(id.toString());
                }
            });
        }
        for (UUID id : due("status in ?1 and endDate <= ?2", List.of(CampaignStatus.ACTIVE, CampaignStatus.PAUSED), started)) {
            attempt(id, failed, () -> {
                if (lifecycle.completeIfDue(id, Actor.AUTOMATION)) {
                    completed.add(id.toString());
                }
            });
        }
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("activated", activated);
        outcome.put("completed", completed);
        outcome.put("failed", failed);
        return new JobReport("lifecycle", started, clock.instant(), outcome);
    }

    private static List<UUID> due(String query, Object status, Instant now) {
        return Campaign.<Campaign>find(query, status, now).project(IdOnly.class).list().stream().map(IdOnly::id).toList();
    }

    /** One campaign's failure (a concurrent edit, a rule of the domain) never stops the others. */
    private static void attempt(UUID id, List<String> failed, Runnable step) {
        try {
            step.run();
        } catch (DomainException | jakarta.persistence.PersistenceException e) {
            LOG.warnf("lifecycle job could not move campaign %s: %s", id, e.getMessage());
            failed.add(id.toString());
        }
    }

    /** Projection: only the id of each due campaign is read (Panache finds its constructor by reflection). */
    @RegisterForReflection
    public record IdOnly(UUID id) {
    }
}
