package dev.campaignfn.common;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One thing wrong with one field of a request, with the field named as the API spells it. */
// written inside problem answers, which reach Jackson as a Response entity: the REST layer cannot see the type
@RegisterForReflection
public record FieldError(String field, String message) {
}
