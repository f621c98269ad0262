package dev.campaignfn.integration;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** File imports (environment CAMPAIGNFN_IMPORTS_*). */
@ConfigMapping(prefix = "campaignfn.imports")
public interface ImportsConfig {

    /** How long an upload URL stays valid. */
    @WithDefault("PT1H")
    Duration uploadUrlTtl();

    /** The largest file an import job reads. */
    @WithDefault("67108864")
    long maxFileBytes();

    /** How long a worker owns a job before another may take it over (a worker that died). */
    @WithDefault("PT15M")
    Duration jobLease();

    /** Attempts before a job is failed. */
    @WithDefault("3")
    int maxAttempts();
}
