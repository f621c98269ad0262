package dev.campaignfn.budget;

/** The entry a spend request left in the ledger, and whether it was recorded earlier under its key. */
public record SpendRecording(SpendEntryView entry, boolean replayed) {
}
