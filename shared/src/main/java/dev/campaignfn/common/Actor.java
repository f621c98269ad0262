package dev.campaignfn.common;

import java.util.Objects;

/**
 * Who is acting: a signed-in user (from the token's subject) or a scheduled job. Recorded on every
 * transition, ledger entry and audit row.
 */
public record Actor(String name) {

    public static final Actor AUTOMATION = new Actor("system:automation");
    public static final Actor MIGRATION = new Actor("system:migration");
    public static final Actor DEMO_DATA = new Actor("system:demo-data");

    public Actor {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("actor name is blank");
        }
    }
}
