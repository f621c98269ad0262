package dev.campaignfn.common;

import java.util.Map;

/**
 * The request is well formed but the current state forbids it: an illegal lifecycle transition,
 * budget that is not there, an idempotency key reused for a different request.
 */
public class ConflictException extends DomainException {

    private final String code;
    private final Map<String, Object> details;

    public ConflictException(String code, String message) {
        this(code, message, Map.of());
    }

    public ConflictException(String code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    /** A stable machine-readable reason, e.g. {@code illegal_transition}. */
    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
