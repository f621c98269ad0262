package dev.campaignfn.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** How long an outbox waits before it tries a failed delivery again (webhooks, forwarded batches, ad platform pushes). */
public final class Backoff {

    public static final Duration MAX = Duration.ofHours(1);

    private Backoff() {
    }

    /**
     * When a platform's {@code Retry-After} (seconds or an HTTP date) says to try again, at most {@link #MAX} from now;
     * null when absent or unreadable.
     */
    public static Instant retryAfter(String header, Instant now) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return now.plusSeconds(Math.max(0, Math.min(seconds, MAX.toSeconds())));
        } catch (NumberFormatException notSeconds) {
            try {
                return ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    /** After the n-th failed attempt: 1, 2, 4, ... minutes, at most an hour. */
    public static Duration after(int attempts) {
        Duration wait = Duration.ofMinutes(1L << Math.min(Math.max(attempts, 1) - 1, 10));
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
