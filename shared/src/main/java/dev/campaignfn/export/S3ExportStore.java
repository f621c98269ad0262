package dev.campaignfn.export;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Export files in an S3 bucket (or an S3-compatible endpoint), downloaded through presigned GET URLs
 * that name the file. The clients are built on first use, so a function that never exports never
 * touches S3, and credentials come from the environment (the Lambda's role).
 */
public final class S3ExportStore implements ExportStore {

    static final String PREFIX = "exports/";

    private final String bucket;
    private final Optional<String> endpoint;
    private final Region region;
    private volatile S3Client client;
    private volatile S3Presigner presigner;

    public S3ExportStore(String bucket, Optional<String> endpoint, Optional<String> region) {
        this.bucket = bucket;
        this.endpoint = endpoint.filter(e -> !e.isBlank());
        String name = region.filter(r -> !r.isBlank()).orElseGet(() -> {
            String fromLambda = System.getenv("AWS_REGION");
            return fromLambda == null || fromLambda.isBlank() ? "us-east-1" : fromLambda;
        });
        this.region = Region.of(name);
    }

    private S3Configuration configuration() {
        return S3Configuration.builder().pathStyleAccessEnabled(endpoint.isPresent()).build();
    }

    private S3Client client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    var builder = S3Client.builder().region(region).httpClientBuilder(UrlConnectionHttpClient.builder())
                            .serviceConfiguration(configuration());
                    endpoint.ifPresent(e -> builder.endpointOverride(URI.create(e)));
                    client = builder.build();
                }
            }
        }
        return client;
    }

    private S3Presigner presigner() {
        if (presigner == null) {
            synchronized (this) {
                if (presigner == null) {
                    var builder = S3Presigner.builder().region(region).serviceConfiguration(configuration());
                    endpoint.ifPresent(e -> builder.endpointOverride(URI.create(e)));
                    presigner = builder.build();
                }
            }
        }
        return presigner;
    }

    @Override
    public void put(String key, Path file, String contentType) {
        client().putObject(PutObjectRequest.builder().bucket(bucket).key(PREFIX + key).contentType(contentType).build(),
                RequestBody.fromFile(file));
    }

    @Override
    public String downloadUrl(String key, String fileName, String contentType, Duration ttl) {
        GetObjectRequest get = GetObjectRequest.builder().bucket(bucket).key(PREFIX + key).responseContentType(contentType)
                .responseContentDisposition("attachment; filename=\"" + fileName + "\"").build();
        return presigner().presignGetObject(GetObjectPresignRequest.builder().signatureDuration(ttl).getObjectRequest(get).build())
                .url().toString();
    }

    @Override
    public String uploadUrl(String key, String contentType, Duration ttl) {
        PutObjectRequest put = PutObjectRequest.builder().bucket(bucket).key(PREFIX + key).contentType(contentType).build();
        return presigner().presignPutObject(PutObjectPresignRequest.builder().signatureDuration(ttl).putObjectRequest(put).build())
                .url().toString();
    }

    @Override
    public InputStream open(String key) throws Exception {
        try {
            return client().getObject(GetObjectRequest.builder().bucket(bucket).key(PREFIX + key).build());
        } catch (NoSuchKeyException e) {
            throw new java.nio.file.NoSuchFileException(key);
        }
    }

    @Override
    public void delete(String key) {
        client().deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(PREFIX + key).build());
    }
}
