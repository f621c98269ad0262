package dev.campaignfn.export;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where export files go and how long they live (environment CAMPAIGNFN_EXPORTS_*). */
@ConfigMapping(prefix = "campaignfn.exports")
public interface ExportsConfig {

    enum Store {
        /** A directory of this machine (the launcher, tests); downloads through a signed route of the exports function. */
        LOCAL,
        /** An S3 bucket (or an S3-compatible endpoint); downloads through presigned URLs. */
        S3
    }

    @WithDefault("local")
    Store store();

    /** local: the directory the files are written to. */
    @WithDefault("${java.io.tmpdir}/campaign-function-exports")
    String localDir();

    /** local: the key signing download URLs; without one, a random key per process (URLs end with the process). */
    Optional<String> signingKey();

    /** s3: the bucket. */
    Optional<String> bucket();

    /** s3: an S3-compatible endpoint instead of AWS's (path-style addressing). */
    Optional<String> endpoint();

    /** s3: the region (default: the Lambda's AWS_REGION). */
    Optional<String> region();

    /**
     * The largest export answered directly. An API Gateway/Lambda answer holds at most 6 MB, and a
     * binary body (XLSX) is base64-encoded on the way (4/3 of its size): larger exports become jobs.
     */
    @WithDefault("4000000")
    long maxDirectBytes();

    /** How long a finished job's file is kept (and its job readable) before it is deleted. */
    @WithDefault("P1D")
    Duration retention();

    /** How long a download URL stays valid. */
    @WithDefault("PT15M")
    Duration downloadUrlTtl();

    /** How long a worker owns a job before another may take it over (a worker that died). */
    @WithDefault("PT10M")
    Duration jobLease();

    /** Attempts before a job is failed. */
    @WithDefault("3")
    int maxAttempts();
}
