package dev.campaignfn.common;

/**
 * The database cannot be reached or cannot serve just now: not the request's fault nor a bug. The transport
 * answers 503 with Retry-After; ids and idempotency keys make the caller's retry safe.
 */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
