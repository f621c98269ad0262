package dev.campaignfn.functions.campaigns;

/** The optional body of pause and the required body of cancel: why. */
public record ReasonBody(String reason) {

    public static String of(ReasonBody body) {
        return body == null ? null : body.reason();
    }
}
