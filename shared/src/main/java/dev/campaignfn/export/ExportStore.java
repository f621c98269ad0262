package dev.campaignfn.export;

import java.io.InputStream;
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

    /**
     * A time-limited URL that uploads a file under this key with an HTTP PUT of that content type: absolute (S3), or a
     * path on this API (local store) that the caller resolves against the request's base URL. Imports use it.
     */
    String uploadUrl(String key, String contentType, Duration ttl);

    /** The file's content; {@link java.nio.file.NoSuchFileException} when nothing is stored under the key. */
    InputStream open(String key) throws Exception;

    /**
     * Stores an upload a local upload URL allowed (signed right, not expired); false when it did not. S3 receives its
     * own uploads.
     */
    default boolean acceptUpload(String key, long expires, String signature, InputStream content) throws Exception {
        return false;
    }

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
