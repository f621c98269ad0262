package dev.campaignfn.tracking;

import java.util.UUID;

/**
 * What the request itself says about the client, used where the event leaves it out. JSON senders may
 * be servers, so their user agent is never taken from the request; pixels and redirects are browser
 * hits, so theirs is. The address is only ever reduced to its prefix.
 */
public record ClientContext(String sourceIp, String userAgent, String referrer, boolean browserHit, UUID linkId) {

    public static ClientContext of(String sourceIp) {
        return new ClientContext(sourceIp, null, null, false, null);
    }
}
