package dev.campaignfn.deployment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.campaignfn.export.S3ExportStore;

/**
 * The S3 export store (the class the exports and automation functions use with {@code campaignfn.exports.store=s3})
 * against a real S3 API: Adobe's S3Mock 4.11.0, started from its executable jar, on a path-style endpoint as an
 * S3-compatible store is configured ({@code CAMPAIGNFN_EXPORTS_ENDPOINT}). A job's file is put, downloaded through
 * the presigned URL a job answers (type and file name as asked), and deleted as the maintenance job deletes expired
 * files; deleting a missing file is fine. (S3Mock does not check signatures or expiry: that part is AWS's.)
 */
class S3ExportStoreTest {

    private static final String BUCKET = "campaign-exports";
    private static Process s3mock;
    private static String endpoint;

    @BeforeAll
    static void startS3Mock() throws Exception {
        String jar = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith("s3mock-4.11.0-exec.jar")).findFirst()
                .orElseThrow(() -> new IllegalStateException("S3Mock's executable jar is not on the test class path"));
        int http = freePort();
        int https = freePort();
        Path root = Files.createDirectories(Path.of("target", "s3mock-" + UUID.randomUUID()));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                jar, "--server.port=" + https, "--com.adobe.testing.s3mock.http-port=" + http)
                .redirectErrorStream(true).redirectOutput(Path.of("target", "s3mock.log").toFile());
        builder.environment().put("COM_ADOBE_TESTING_S3MOCK_STORE_INITIAL_BUCKETS", BUCKET);
        builder.environment().put("COM_ADOBE_TESTING_S3MOCK_STORE_ROOT", root.toAbsolutePath().toString());
        s3mock = builder.start();
        endpoint = "http://127.0.0.1:" + http;
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(endpoint + "/" + BUCKET)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!s3mock.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Mock did not start; see target/s3mock.log");
            }
            Thread.sleep(250);
        }
        // the SDK's default credential chain reads these; S3Mock accepts any
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterAll
    static void stopS3Mock() throws InterruptedException {
        if (s3mock != null) {
            s3mock.destroy();
            s3mock.waitFor();
        }
    }

    @Test
    void aJobsFileIsPutDownloadedThroughItsPresignedUrlAndDeleted() throws Exception {
        S3ExportStore store = new S3ExportStore(BUCKET, Optional.of(endpoint), Optional.of("eu-west-1"));
        String key = UUID.randomUUID() + ".csv";
        byte[] content = "Campaign,Template Type,Views\nSpring sale,email,1200\nÉté,social,3\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.createTempFile("export", ".csv");
        Files.write(file, content);
        store.put(key, file, "text/csv");

        String url = store.downloadUrl(key, "campaign_analytics_2031-03-01.csv", "text/csv", Duration.ofMinutes(15));
        assertTrue(url.startsWith(endpoint + "/" + BUCKET + "/"), () -> "a path-style URL on the endpoint: " + url);
        assertTrue(url.contains("X-Amz-Signature=") && url.contains("X-Amz-Expires=900"), url);
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<byte[]> download = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(content, download.body());
        assertEquals("text/csv", download.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("attachment; filename=\"campaign_analytics_2031-03-01.csv\"",
                download.headers().firstValue("Content-Disposition").orElse(null));

        store.delete(key);
        assertEquals(404, client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        store.delete(key); // already gone: fine
    }

    @Test
    void anImportFileIsUploadedThroughItsPresignedUrlAndReadBack() throws Exception {
        S3ExportStore store = new S3ExportStore(BUCKET, Optional.of(endpoint), Optional.of("eu-west-1"));
        String key = "import-" + UUID.randomUUID() + ".csv";
        String url = store.uploadUrl(key, "text/csv", Duration.ofHours(1));
        assertTrue(url.contains("X-Amz-Signature=") && url.contains("X-Amz-Expires=3600"), url);
        byte[] content = "date,campaign,amount,currency\n2031-03-01,Spring,12.50,EUR\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<Void> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, put.statusCode());
        try (java.io.InputStream in = store.open(key)) {
            assertArrayEquals(content, in.readAllBytes());
        }
        store.delete(key);
        assertThrows(java.nio.file.NoSuchFileException.class, () -> store.open(key), "a file never uploaded (or gone) says so");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
