package dev.campaignfn.functions.automation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import dev.campaignfn.automation.JobReport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * {@code migrate}: applies the Flyway migrations. The deployment invokes it once per release; no
 * HTTP function migrates, so cold starts stay short and instances never race on the schema.
 */
@Named("migrate")
public class MigrateHandler implements RequestHandler<ScheduledInvocation, JobReport> {

    @Inject
    Flyway flyway;

    @Inject
    Clock clock;

    @Override
    public JobReport handleRequest(ScheduledInvocation event, Context context) {
        var started = clock.instant();
        MigrateResult result = flyway.migrate();
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("migrations_applied", result.migrationsExecuted);
        outcome.put("schema_version", result.targetSchemaVersion != null ? result.targetSchemaVersion
                : flyway.info().current() == null ? null : flyway.info().current().getVersion().getVersion());
        return new JobReport("migrate", started, clock.instant(), outcome);
    }
}
