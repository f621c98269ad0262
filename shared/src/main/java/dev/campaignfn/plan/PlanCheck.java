package dev.campaignfn.plan;

import java.util.List;

import dev.campaignfn.common.FieldError;

/** Seed 000's validatePlan answer: valid when there are no errors; warnings never block. */
public record PlanCheck(boolean valid, List<FieldError> errors, List<FieldError> warnings) {
}
