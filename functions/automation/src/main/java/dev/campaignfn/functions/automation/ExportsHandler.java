package dev.campaignfn.functions.automation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import dev.campaignfn.common.JobReport;
import dev.campaignfn.export.ExportJobs;
import dev.campaignfn.report.ScheduledReports;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * {@code exports}: queues the scheduled reports that are due (each an export job), runs the queued
 * export jobs (every minute), announces the reports whose files are written, then purges the files of
 * expired ones. After the first job it stops taking new ones when less than two minutes of the invocation are
 * left, so a job is rarely cut off by the Lambda timeout (a cut-off job is taken over when its lease runs out).
 */
@Named("exports")
public class ExportsHandler implements RequestHandler<ScheduledInvocation, JobReport> {

    static final long MIN_REMAINING_MILLIS = 120_000;

    @Inject
    ExportJobs jobs;

    @Inject
    Clock clock;

    @Inject
    ScheduledReports reports;

    @Override
    public JobReport handleRequest(ScheduledInvocation event, Context context) {
        var started = clock.instant();
        List<String> queued = reports.queueDue();
        int ran = 0;
        // the first job always runs; later ones only while the invocation has time left for one more
        while (ran == 0 || context == null || context.getRemainingTimeInMillis() > MIN_REMAINING_MILLIS) {
            if (jobs.runPending(1) == 0) {
                break;
            }
            ran++;
        }
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("reports_queued", queued);
        outcome.put("jobs_run", ran);
        outcome.put("reports_delivered", reports.deliverReady());
        outcome.put("expired_purged", jobs.purgeExpired());
        return new JobReport("exports", started, clock.instant(), outcome);
    }
}
