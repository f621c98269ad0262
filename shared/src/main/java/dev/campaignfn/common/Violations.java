package dev.campaignfn.common;

import java.util.ArrayList;
import java.util.List;

/** Collects the cross-field rules a command breaks, so the caller hears about all of them at once. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public Violations check(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public Violations add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
