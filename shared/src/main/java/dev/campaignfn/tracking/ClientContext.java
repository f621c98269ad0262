package dev.campaignfn.tracking;

import java.util.UUID;

/**
 * What the request itself says about the client, used where the event leaves it out. JSON senders may
 * be servers, so their user agent is never taken from the request; pixels and redirects are browser
 * hits, so theirs is. The address is only ever reduced to its prefix. A {@link #forImport()} context is an import of history.
 */
public record ClientContext(String sourceIp, String userAgent, String referrer, boolean browserHit, UUID linkId, boolean backfill) {

    public ClientContext(String sourceIp, String userAgent, String referrer, boolean browserHit, UUID linkId) {
        this(sourceIp, userAgent, referrer, browserHit, linkId, false);
    }

    public static ClientContext of(String sourceIp) {
        return new ClientContext(sourceIp, null, null, false, null);
    }

    /**
     * An import of historical events: each must say when it occurred, and neither the age limit nor the campaign's
     * status applies (the history of a completed campaign is imported after it ended). Nothing else is relaxed.
     */
    public static ClientContext forImport() {
        return new ClientContext(null, null, null, false, null, true);
    }
}
