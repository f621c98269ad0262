package dev.campaignfn.functions.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.campaignfn.export.ExportStore;
import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The local store's upload URL, through the Lambda path: signed, expiring, for one key; what it stores is what was sent. */
@QuarkusTest
class UploadRouteTest {

    @Inject
    ExportStore store;

    @Test
    void aSignedUploadUrlStoresTheFileUntilItExpires() throws Exception {
        String key = "import-" + UUID.randomUUID() + ".csv";
        String url = store.uploadUrl(key, "text/csv", Duration.ofHours(1));
        String csv = "date,campaign,amount,currency\n2031-03-01,Spring,12.50,EUR\n";

        int first = url.indexOf("signature=") + "signature=".length();
        String tampered = url.substring(0, first) + (url.charAt(first) == '0' ? '1' : '0') + url.substring(first + 1);
        assertEquals(404, put(tampered, csv).status(), "a URL signed otherwise");
        assertEquals(404, put(url.replace(key, "import-" + UUID.randomUUID() + ".csv"), csv).status(), "another key");
        assertThrows(java.nio.file.NoSuchFileException.class, () -> store.open(key).close(), "nothing stored by refused uploads");

        ApiGateway.Response stored = put(url, csv);
        assertEquals(204, stored.status(), stored::toString);
        try (InputStream in = store.open(key)) {
            assertEquals(csv, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        // a download URL's signature never allows an upload
        String download = store.downloadUrl(key, "x.csv", "text/csv", Duration.ofHours(1));
        String signature = download.substring(download.indexOf("signature=") + "signature=".length());
        assertEquals(404, put(url.substring(0, first) + signature, "overwritten").status());

        TestClock.CLOCK.advance(Duration.ofHours(2));
        assertEquals(404, put(url, csv).status(), "the URL expired");
        store.delete(key);
    }

    private static ApiGateway.Response put(String url, String body) {
        return ApiGateway.anonymous().header("content-type", "text/csv").send("PUT", url, body, false);
    }
}
