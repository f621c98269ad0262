package dev.campaignfn.functions.automation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.common.JobReport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * {@code migrate}: applies the Flyway migrations. The deployment runs it: as a CloudFormation custom
 * resource (SAM's MigrateOnDeploy, on every create and on updates whose release changed; the outcome
 * goes to CloudFormation's response URL, a failure fails the deployment) or by a Terraform invocation.
 * No HTTP function migrates, so cold starts stay short and instances never race on the schema.
 */
@Named("migrate")
public class MigrateHandler implements RequestHandler<MigrateInvocation, JobReport> {

    private static final Logger LOG = Logger.getLogger(MigrateHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PHYSICAL_ID = "campaign-functions-schema";

    @Inject
    Flyway flyway;

    @Inject
    Clock clock;

    @Override
    public JobReport handleRequest(MigrateInvocation event, Context context) {
        var started = clock.instant();
        if (event != null && event.fromCloudFormation() && "Delete".equals(event.requestType())) {
            // deleting the stack keeps the data: nothing to undo
            respond(event, "SUCCESS", null, Map.of());
            return new JobReport("migrate", started, clock.instant(), Map.of("request_type", "Delete"));
        }
        try {
            MigrateResult result = flyway.migrate();
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("migrations_applied", result.migrationsExecuted);
            outcome.put("schema_version", result.targetSchemaVersion != null ? result.targetSchemaVersion
                    : flyway.info().current() == null ? null : flyway.info().current().getVersion().getVersion());
            if (event != null && event.fromCloudFormation()) {
                respond(event, "SUCCESS", null, outcome);
            }
            return new JobReport("migrate", started, clock.instant(), outcome);
        } catch (RuntimeException e) {
            if (event != null && event.fromCloudFormation()) {
                respond(event, "FAILED", "migrations failed: " + e.getMessage(), Map.of());
            }
            throw e;
        }
    }

    /** CloudFormation's custom resource protocol: a PUT of the outcome to the pre-signed response URL. */
    void respond(MigrateInvocation event, String status, String reason, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Status", status);
        body.put("Reason", reason != null ? reason : "see the migrate function's log");
        body.put("PhysicalResourceId", event.physicalResourceId() != null ? event.physicalResourceId() : PHYSICAL_ID);
        body.put("StackId", event.stackId());
        body.put("RequestId", event.requestId());
        body.put("LogicalResourceId", event.logicalResourceId());
        Map<String, String> values = new LinkedHashMap<>();
        data.forEach((k, v) -> values.put(k, String.valueOf(v)));
        body.put("Data", values);
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(HttpRequest
                    .newBuilder(URI.create(event.responseUrl())).timeout(Duration.ofSeconds(30))
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                LOG.errorf("CloudFormation's response URL answered %d: %s", answer.statusCode(), answer.body());
            }
        } catch (Exception e) {
            // CloudFormation then waits for its timeout and fails the deployment: say why in the log
            LOG.errorf(e, "could not send the %s outcome to CloudFormation", status);
        }
    }
}
