package dev.campaignfn.export;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Export files in a directory of this machine, downloaded through the exports function's public
 * route {@code /v1/marketing/exports/files/{key}} with an expiry and an HMAC-SHA256 signature in the
 * URL, like a presigned S3 URL: whoever holds the URL may download until it expires, nobody else.
 */
public final class LocalExportStore implements ExportStore {

    public static final String ROUTE = "/v1/marketing/exports/files/";
    public static final String UPLOAD_ROUTE = "/v1/marketing/exports/uploads/";
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{1,64}\\.(csv|xlsx|ndjson)");
    /** What a signature over an upload names instead of a file name, so a download URL never allows an upload. */
    static final String UPLOAD = "\u0000upload";

    private final Path directory;
    private final byte[] signingKey;
    private final Clock clock;

    public LocalExportStore(Path directory, Optional<String> signingKey, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        if (signingKey.isPresent() && !signingKey.get().isBlank()) {
            this.signingKey = signingKey.get().getBytes(StandardCharsets.UTF_8);
        } else {
            this.signingKey = new byte[32];
            new SecureRandom().nextBytes(this.signingKey);
        }
    }

    @Override
    public void put(String key, Path file, String contentType) throws Exception {
        Files.createDirectories(directory);
        Files.move(file, path(key), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public String downloadUrl(String key, String fileName, String contentType, Duration ttl) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        return ROUTE + key + "?name=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8) + "&expires=" + expires + "&signature="
                + sign(key, fileName, expires);
    }

    @Override
    public String uploadUrl(String key, String contentType, Duration ttl) {
        path(key);
        long expires = clock.instant().plus(ttl).getEpochSecond();
        return UPLOAD_ROUTE + key + "?expires=" + expires + "&signature=" + sign(key, UPLOAD, expires);
    }

    @Override
    public InputStream open(String key) throws Exception {
        return Files.newInputStream(path(key));
    }

    @Override
    public boolean acceptUpload(String key, long expires, String signature, InputStream content) throws Exception {
        if (key == null || signature == null || !KEY.matcher(key).matches() || clock.instant().getEpochSecond() > expires
                || !MessageDigest.isEqual(sign(key, UPLOAD, expires).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, "upload-", ".part");
        try {
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, path(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return true;
    }

    @Override
    public void delete(String key) throws Exception {
        Files.deleteIfExists(path(key));
    }

    @Override
    public Optional<Path> signedFile(String key, String fileName, long expires, String signature) {
        if (key == null || fileName == null || signature == null || !KEY.matcher(key).matches()
                || clock.instant().getEpochSecond() > expires) {
            return Optional.empty();
        }
        byte[] expected = sign(key, fileName, expires).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Path file = path(key);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not an export key: " + key);
        }
        return directory.resolve(key);
    }

    private String sign(String key, String fileName, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((key + "\n" + fileName + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
