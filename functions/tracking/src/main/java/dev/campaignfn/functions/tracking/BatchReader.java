package dev.campaignfn.functions.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.campaignfn.common.Causes;
import dev.campaignfn.common.FieldError;
import dev.campaignfn.common.JsonFieldErrors;
import dev.campaignfn.common.RejectedTextException;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.tracking.Rejection;
import dev.campaignfn.tracking.TrackEvent;
import dev.campaignfn.tracking.TrackingService;

/**
 * Reads {@code {"events": [...]}} in one pass, each element straight into an event: an element that
 * does not bind (wrong type, unknown field, not an object) becomes that element's rejection and the
 * reader carries on after it. A batch that is not of this shape, or holds too many events, is refused
 * whole.
 */
final class BatchReader {

    private final ObjectMapper mapper;
    private final ObjectReader events;

    BatchReader(ObjectMapper mapper) {
        this.mapper = mapper;
        // each element is read from the middle of the batch: what follows it is the next element, not trailing junk
        this.events = mapper.readerFor(TrackEvent.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    List<TrackingService.Candidate> read(InputStream body, int maxEvents) throws IOException {
        List<TrackingService.Candidate> candidates = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME
                    || !"events".equals(parser.currentName()) || parser.nextToken() != JsonToken.START_ARRAY) {
                throw ValidationException.of("events", "the body must be {\"events\": [...]}");
            }
            JsonStreamContext array = parser.getParsingContext();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw ValidationException.of("events", "the events array is not closed");
                }
                if (candidates.size() == maxEvents) {
                    throw ValidationException.of("events", "a batch holds at most " + maxEvents + " events");
                }
                candidates.add(element(parser, token, array));
            }
            if (parser.nextToken() != JsonToken.END_OBJECT) {
                throw ValidationException.of("body", "only the property 'events' is allowed");
            }
            if (parser.nextToken() != null) {
                throw ValidationException.of("body", "nothing may follow the batch object");
            }
        }
        return candidates;
    }

    private TrackingService.Candidate element(JsonParser parser, JsonToken token, JsonStreamContext array) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return TrackingService.Candidate.unreadable(new Rejection(Rejection.INVALID_JSON, null,
                    "an event must be a JSON object"), null);
        }
        try {
            return TrackingService.Candidate.of(events.readValue(parser));
        } catch (JsonProcessingException e) {
            if (!(e instanceof JsonMappingException) && Causes.find(e, RejectedTextException.class) == null) {
                throw e; // the batch is not JSON past this point: no later element can be read
            }
            UUID hint = skipRest(parser, array);
            // the same words a single event's problem answer uses, never Jackson's own (they name Java types)
            FieldError error = JsonFieldErrors.of(e).get(0);
            // a path found by the parser starts at the batch (events[3].utm_source); the event's own starts at the event
            String field = error.field().replaceFirst("^events\\[\\d+\\]\\.?", "");
            field = field.isEmpty() || "body".equals(field) ? null : field;
            return TrackingService.Candidate.unreadable(new Rejection(Rejection.INVALID_FIELD, field,
                    (field == null ? "" : field + ": ") + error.message()), hint);
        }
    }

    /**
     * After a binding error inside an element: reads on to the element's end, where the parser is
     * back in the array's context (noting the element's event_id, if it passes by).
     */
    private static UUID skipRest(JsonParser parser, JsonStreamContext array) throws IOException {
        UUID eventId = null;
        while (parser.getParsingContext() != array) {
            JsonToken token;
            try {
                token = parser.nextToken();
            } catch (RejectedTextException more) {
                continue; // more unstorable text in the element already refused: the parser has moved past it
            }
            if (token == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "the batch ends inside an event");
            }
            if (token == JsonToken.VALUE_STRING && "event_id".equals(parser.currentName())
                    && parser.getParsingContext().getParent() == array) {
                try {
                    eventId = UUID.fromString(parser.getText());
                } catch (IllegalArgumentException ignored) {
                    // not an id: the rejection stands without one
                }
            }
        }
        return eventId;
    }
}
