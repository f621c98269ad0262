package dev.campaignfn.tracking;

/** Why an event was not stored: a stable reason code, the field at fault (if one is) and a sentence. */
public record Rejection(String reason, String field, String message) {

    public static final String INVALID_JSON = "invalid_json";
    public static final String INVALID_FIELD = "invalid_field";
    public static final String MISSING_FIELD = "missing_field";
    public static final String FIELD_TOO_LONG = "field_too_long";
    public static final String FIELD_NOT_ALLOWED = "field_not_allowed";
    public static final String UNKNOWN_CAMPAIGN = "unknown_campaign";
    public static final String CAMPAIGN_NOT_STARTED = "campaign_not_started";
    public static final String CAMPAIGN_NOT_ACCEPTING = "campaign_not_accepting";
    public static final String OCCURRED_IN_FUTURE = "occurred_in_future";
    public static final String OCCURRED_TOO_OLD = "occurred_too_old";
    public static final String VALUE_NOT_ALLOWED = "value_not_allowed";
    public static final String INVALID_VALUE = "invalid_value";
    public static final String CURRENCY_MISMATCH = "currency_mismatch";
    public static final String EVENT_DATA_TOO_LARGE = "event_data_too_large";
    /** Not an event rule: the client sent more than its rate (a 429 on the JSON routes, a header on the pixel and redirect). */
    public static final String RATE_LIMITED = "rate_limited";
}
