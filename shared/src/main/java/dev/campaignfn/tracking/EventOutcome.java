package dev.campaignfn.tracking;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.common.WireEnum;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What became of one event: accepted (stored once), duplicate (already stored: same event_id, or a
 * conversion whose order_id the campaign already counted) or rejected with its reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventOutcome(int index, UUID eventId, Status status, String reason, String field, String message) {

    @RegisterForReflection
    public enum Status implements WireEnum {
        ACCEPTED, DUPLICATE, REJECTED;

        /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
        @Override
        @JsonValue
        public String wire() {
            return WireEnum.super.wire();
        }
    }

    public static final String DUPLICATE_EVENT_ID = "duplicate_event_id";
    public static final String DUPLICATE_ORDER_ID = "duplicate_order_id";

    public static EventOutcome accepted(int index, UUID eventId) {
        return new EventOutcome(index, eventId, Status.ACCEPTED, null, null, null);
    }

    public static EventOutcome duplicate(int index, UUID eventId, String reason) {
        return new EventOutcome(index, eventId, Status.DUPLICATE, reason, null,
                reason.equals(DUPLICATE_ORDER_ID) ? "the campaign already counted a conversion with this order_id"
                        : "an event with this event_id was already stored");
    }

    public static EventOutcome rejected(int index, UUID eventId, Rejection rejection) {
        return new EventOutcome(index, eventId, Status.REJECTED, rejection.reason(), rejection.field(), rejection.message());
    }
}
