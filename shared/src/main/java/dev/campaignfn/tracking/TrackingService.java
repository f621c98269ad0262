package dev.campaignfn.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import dev.campaignfn.tracking.CampaignDirectory.CampaignInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Event ingestion: every event checked on its own (one bad event never sinks a batch), duplicates
 * inside the batch caught before the database, the rest written by one statement, and an outcome
 * for each event in the order it was sent.
 */
@ApplicationScoped
public class TrackingService {

    /** One event of a request: parsed, or refused while parsing (malformed JSON, wrong types). */
    public record Candidate(TrackEvent event, Rejection parseError, UUID eventIdHint) {

        public static Candidate of(TrackEvent event) {
            return new Candidate(event, null, event.eventId());
        }

        public static Candidate unreadable(Rejection error, UUID eventIdHint) {
            return new Candidate(null, error, eventIdHint);
        }
    }

    @Inject
    Clock clock;

    @Inject
    CampaignDirectory campaigns;

    @Inject
    EventNormalizer normalizer;

    @Inject
    EventWriter writer;

    public CompletionStage<EventOutcome> ingest(TrackEvent event, ClientContext client) {
        return ingest(List.of(Candidate.of(event)), client).thenApply(outcomes -> outcomes.get(0));
    }

    /**
     * Checks every event and hands the valid ones to the writer; the outcomes are known once they are
     * committed, so the answer is a stage that completes then (request threads do not wait on it).
     */
    public CompletionStage<List<EventOutcome>> ingest(List<Candidate> candidates, ClientContext client) {
        Instant now = clock.instant();
        Set<UUID> campaignIds = new LinkedHashSet<>();
        for (Candidate candidate : candidates) {
            if (candidate.event() != null && candidate.event().campaignId() != null) {
                campaignIds.add(candidate.event().campaignId());
            }
        }
        return campaigns.findAsync(campaignIds).thenCompose(known -> ingest(candidates, known, client, now));
    }

    private CompletionStage<List<EventOutcome>> ingest(List<Candidate> candidates, Map<UUID, CampaignInfo> known,
            ClientContext client, Instant now) {
        EventOutcome[] outcomes = new EventOutcome[candidates.size()];
        List<StoredEvent> toStore = new ArrayList<>();
        List<Integer> storedIndex = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            if (candidate.parseError() != null) {
                outcomes[i] = EventOutcome.rejected(i, candidate.eventIdHint(), candidate.parseError());
                continue;
            }
            TrackEvent event = candidate.event();
            EventNormalizer.Checked checked = normalizer.check(event, event.campaignId() == null ? null
                    : known.get(event.campaignId()), client, now);
            if (checked.rejection() != null) {
                outcomes[i] = EventOutcome.rejected(i, event.eventId(), checked.rejection());
            } else if (!seen.add(checked.event().eventId())) {
                outcomes[i] = EventOutcome.duplicate(i, checked.event().eventId(), EventOutcome.DUPLICATE_EVENT_ID);
            } else {
                toStore.add(checked.event());
                storedIndex.add(i);
            }
        }
        return writer.write(toStore).thenApply(written -> {
            for (int k = 0; k < toStore.size(); k++) {
                UUID eventId = toStore.get(k).eventId();
                int i = storedIndex.get(k);
                String result = written.get(eventId);
                outcomes[i] = EventStore.ACCEPTED.equals(result) ? EventOutcome.accepted(i, eventId)
                        : EventOutcome.duplicate(i, eventId, result);
            }
            return List.of(outcomes);
        });
    }
}
