package dev.campaignfn.adplatform;

import java.time.Instant;

/**
 * A platform did not do what it was asked. {@code permanent}: asking again will not help (an expired token, a campaign
 * that is not in the account, a value it refuses); otherwise it is worth retrying (a rate limit, with the time the
 * platform named if it did, a 5xx, a timeout). {@code status} is the HTTP status, null when none came back.
 */
public class PlatformRefusal extends RuntimeException {

    private final boolean permanent;
    private final Integer status;
    private final transient Instant retryAt;

    public PlatformRefusal(boolean permanent, Integer status, String message, Instant retryAt) {
        super(message, null, false, false);
        this.permanent = permanent;
        this.status = status;
        this.retryAt = retryAt;
    }

    public boolean permanent() {
        return permanent;
    }

    public Integer status() {
        return status;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
