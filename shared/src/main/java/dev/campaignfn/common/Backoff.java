package dev.campaignfn.common;

import java.time.Duration;

/** How long an outbox waits before it tries a failed delivery again (webhooks, forwarded batches). */
public final class Backoff {

    public static final Duration MAX = Duration.ofHours(1);

    private Backoff() {
    }

    /** After the n-th failed attempt: 1, 2, 4, ... minutes, at most an hour. */
    public static Duration after(int attempts) {
        Duration wait = Duration.ofMinutes(1L << Math.min(Math.max(attempts, 1) - 1, 10));
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
