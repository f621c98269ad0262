package dev.campaignfn.export;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The export store the configuration names: a local directory, or S3. */
@ApplicationScoped
public class ExportStores {

    @Produces
    @ApplicationScoped
    ExportStore store(ExportsConfig config, Clock clock) {
        if (config.store() == ExportsConfig.Store.S3) {
            String bucket = config.bucket().filter(b -> !b.isBlank())
                    .orElseThrow(() -> new IllegalStateException("campaignfn.exports.bucket (CAMPAIGNFN_EXPORTS_BUCKET) must name the exports bucket"));
            return new S3ExportStore(bucket, config.endpoint(), config.region());
        }
        return new LocalExportStore(Path.of(config.localDir()), config.signingKey(), clock);
    }
}
