package dev.campaignfn.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where finished export files are kept and fetched from. */
public interface ExportStore {

    void put(String key, Path file, String contentType) throws Exception;

    /**
     * A time-limited URL that downloads the file under this name: absolute (S3), or a path on this
     * API (local store) that the caller resolves against the request's base URL.
     */
    String downloadUrl(String key, String fileName, String contentType, Duration ttl);

    /** Deletes the file; a missing file is fine. */
    void delete(String key) throws Exception;

    /**
     * The file a download URL of this store names, when this store serves downloads itself (the local
     * store) and the URL is signed right and not expired; S3 serves its own.
     */
    default Optional<Path> signedFile(String key, String fileName, long expires, String signature) {
        return Optional.empty();
    }
}
