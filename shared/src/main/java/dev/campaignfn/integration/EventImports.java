package dev.campaignfn.integration;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.campaignfn.common.ApiJson;
import dev.campaignfn.common.FieldError;
import dev.campaignfn.common.JsonFieldErrors;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.tracking.ClientContext;
import dev.campaignfn.tracking.EventOutcome;
import dev.campaignfn.tracking.Rejection;
import dev.campaignfn.tracking.TrackEvent;
import dev.campaignfn.tracking.TrackingService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Historical events imported (a backfill): NDJSON lines or CSV rows with the fields of {@code POST /track-events},
 * read with the API's JSON rules and written by the same ingestion, in batches - so the same validation, the same
 * privacy (only the address prefix is kept) and the same de-duplication by {@code event_id} and order id. An import
 * run twice stores nothing twice. Each event must carry its {@code occurred_at}; the age limit and the campaign's
 * status do not apply to history.
 */
@ApplicationScoped
public class EventImports {

    /** Events handed to ingestion at once (the batch route's limit). */
    static final int BATCH = 500;
    /** Rejected lines listed in a report; the counts cover all of them. */
    static final int LISTED_REJECTIONS = 1000;
    static final Duration WRITE_LIMIT = Duration.ofMinutes(2);
    /** CSV columns whose cells are JSON values, not text. */
    static final List<String> NUMBERS = List.of("value");
    static final List<String> BOOLEANS = List.of("forwarding_consent");

    /** A file to upload and import. */
    public record UploadCommand(@NotNull @Pattern(regexp = "csv|ndjson", message = "must be csv or ndjson") String format,
            @Size(max = 255) String fileName) {
    }

    /** One line that was not stored, and why. */
    @RegisterForReflection
    public record Rejected(int line, UUID eventId, String reason, String field, String message) {
    }

    /** What an import stored: lines read, accepted, duplicate (already stored), rejected (the first 1,000 listed). */
    @RegisterForReflection
    public record Report(String format, int lines, int accepted, int duplicate, int rejected, List<Rejected> rejections) {
    }

    @Inject
    ObjectMapper base;

    @Inject
    TrackingService tracking;

    private ObjectMapper api;

    @PostConstruct
    void init() {
        api = ApiJson.from(base);
    }

    public Report importFile(String text, String format) {
        List<Line> lines = "ndjson".equals(format) ? ndjson(text) : csv(text);
        int accepted = 0;
        int duplicate = 0;
        int rejected = 0;
        List<Rejected> listed = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += BATCH) {
            List<Line> batch = lines.subList(from, Math.min(lines.size(), from + BATCH));
            List<TrackingService.Candidate> candidates = batch.stream().map(this::candidate).toList();
            List<EventOutcome> outcomes;
            try {
                outcomes = tracking.ingest(candidates, ClientContext.forImport()).toCompletableFuture()
                        .get(WRITE_LIMIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while importing events", e);
            } catch (Exception e) {
                throw new IllegalStateException("the events could not be written", e.getCause() == null ? e : e.getCause());
            }
            for (int i = 0; i < outcomes.size(); i++) {
                EventOutcome outcome = outcomes.get(i);
                switch (outcome.status()) {
                    case ACCEPTED -> accepted++;
                    case DUPLICATE -> duplicate++;
                    case REJECTED -> {
                        rejected++;
                        if (listed.size() < LISTED_REJECTIONS) {
                            listed.add(new Rejected(batch.get(i).number(), outcome.eventId(), outcome.reason(), outcome.field(), outcome.message()));
                        }
                    }
                }
            }
        }
        return new Report(format, lines.size(), accepted, duplicate, rejected, listed);
    }

    /** A line of the file and the event it holds (or why it holds none). */
    record Line(int number, JsonNode event, String error) {
    }

    private TrackingService.Candidate candidate(Line line) {
        if (line.error() != null) {
            return TrackingService.Candidate.unreadable(new Rejection(Rejection.INVALID_JSON, null, line.error()), null);
        }
        try {
            return TrackingService.Candidate.of(api.treeToValue(line.event(), TrackEvent.class));
        } catch (JsonProcessingException e) {
            // the words the batch route uses for the same mistake
            FieldError error = JsonFieldErrors.of(e).get(0);
            String field = "body".equals(error.field()) ? null : error.field();
            UUID hint = null;
            JsonNode id = line.event().get("event_id");
            if (id != null && id.isTextual()) {
                try {
                    hint = UUID.fromString(id.asText());
                } catch (IllegalArgumentException ignored) {
                    // not an id: the rejection stands without one
                }
            }
            return TrackingService.Candidate.unreadable(new Rejection(Rejection.INVALID_FIELD, field,
                    (field == null ? "" : field + ": ") + error.message()), hint);
        }
    }

    private List<Line> ndjson(String text) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isBlank()) {
                continue;
            }
            try {
                JsonNode node = api.readTree(raw[i]);
                lines.add(node != null && node.isObject() ? new Line(i + 1, node, null) : new Line(i + 1, null, "a line must be one JSON object"));
            } catch (IOException e) {
                lines.add(new Line(i + 1, null, "the line is not JSON"));
            }
        }
        return lines;
    }

    /** CSV rows as the JSON objects the batch route takes: the header names the fields; empty cells are left out. */
    private List<Line> csv(String text) {
        List<List<String>> rows = Csv.parse(text);
        if (rows.isEmpty()) {
            throw ValidationException.of("file", "is empty: a header row naming the event fields is required");
        }
        List<String> header = rows.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        if (!header.contains("campaign_id") || !header.contains("event_type")) {
            throw ValidationException.of("file", "the header row must name the event fields, at least campaign_id, event_type and occurred_at");
        }
        List<Line> lines = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (cells.size() != header.size()) {
                lines.add(new Line(r + 1, null, "the row has " + cells.size() + " cells, the header " + header.size()));
                continue;
            }
            ObjectNode event = api.createObjectNode();
            String error = null;
            for (int c = 0; c < header.size() && error == null; c++) {
                String name = header.get(c);
                String cell = cells.get(c);
                if (cell.isEmpty()) {
                    continue;
                }
                try {
                    if (NUMBERS.contains(name)) {
                        event.put(name, new java.math.BigDecimal(cell.trim()));
                    } else if (BOOLEANS.contains(name) && (cell.trim().equals("true") || cell.trim().equals("false"))) {
                        event.put(name, Boolean.parseBoolean(cell.trim()));
                    } else if ("event_data".equals(name)) {
                        event.set(name, api.readTree(cell));
                    } else {
                        event.put(name, cell);
                    }
                } catch (NumberFormatException e) {
                    error = name + " is not a number";
                } catch (IOException e) {
                    error = "event_data is not JSON";
                }
            }
            lines.add(error == null ? new Line(r + 1, event, null) : new Line(r + 1, null, error));
        }
        return lines;
    }
}
