package dev.campaignfn.campaign;

/** How channel ids are spelled: lower-case slugs such as {@code facebook} or {@code google_search}. */
public final class Channels {

    public static final String ID_PATTERN = "[a-z0-9][a-z0-9_.-]{0,63}";
    public static final String ID_RULE = "must be a lower-case channel id (letters, digits, '_', '.', '-'; at most 64)";

    private Channels() {
    }
}
