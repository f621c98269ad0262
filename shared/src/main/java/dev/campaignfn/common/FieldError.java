package dev.campaignfn.common;

/** One thing wrong with one field of a request, with the field named as the API spells it. */
public record FieldError(String field, String message) {
}
