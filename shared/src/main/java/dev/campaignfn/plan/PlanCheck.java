package dev.campaignfn.plan;

import java.util.List;

import dev.campaignfn.common.FieldError;

/**
 * Seed 000's validatePlan answer: valid when there are no errors; warnings never block. Each problem
 * names its field; {@code error_messages} and {@code warning_messages} are the same problems as the
 * seed's plain string lists.
 */
public record PlanCheck(boolean valid, List<FieldError> errors, List<FieldError> warnings, List<String> errorMessages,
        List<String> warningMessages) {

    public static PlanCheck of(List<FieldError> errors, List<FieldError> warnings) {
        return new PlanCheck(errors.isEmpty(), List.copyOf(errors), List.copyOf(warnings), errors.stream().map(FieldError::message).toList(),
                warnings.stream().map(FieldError::message).toList());
    }
}
