package dev.campaignfn.integration;

import java.time.Instant;
import java.util.UUID;

/**
 * An import as answered: what it reads, where it stands (awaiting_upload, queued, running, done, failed), and once done
 * its report; {@code error} says why a failed one failed.
 */
public record ImportJobView<R>(UUID id, String kind, String layout, String fileName, String status, int attempts, R report, String error,
        String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt) {

    /** Where and how to upload the file of an import that awaits it. */
    public record Upload(String url, String method, String contentType, Instant expiresAt) {
    }

    /** An import waiting for its file, and where to put it. */
    public record Slot<R>(ImportJobView<R> importJob, Upload upload) {

        /** The same slot with the upload URL as the caller must use it (a local store answers a path). */
        public Slot<R> withUrl(java.util.function.UnaryOperator<String> resolve) {
            return new Slot<>(importJob, new Upload(resolve.apply(upload.url()), upload.method(), upload.contentType(), upload.expiresAt()));
        }
    }
}
