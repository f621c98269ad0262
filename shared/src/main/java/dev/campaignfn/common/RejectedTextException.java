package dev.campaignfn.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/**
 * A JSON string or property name that {@link StorableText} refuses, found while parsing; it carries the field's
 * path (as the API's problem answers spell it), since the text is refused before any property binds.
 */
public class RejectedTextException extends JsonParseException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    RejectedTextException(JsonParser parser, String field, String reason) {
        super(parser, field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
