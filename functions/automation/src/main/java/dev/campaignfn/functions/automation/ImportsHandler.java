package dev.campaignfn.functions.automation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import dev.campaignfn.common.JobReport;
import dev.campaignfn.integration.ImportJobs;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code imports}: imports the queued spend and event files (every minute). */
@Named("imports")
public class ImportsHandler implements RequestHandler<ScheduledInvocation, JobReport> {

    /** Files per run: a run ends well within the function's timeout, the next takes the rest. */
    static final int FILES_PER_RUN = 5;

    @Inject
    ImportJobs imports;

    @Override
    public JobReport handleRequest(ScheduledInvocation event, Context context) {
        return imports.run(FILES_PER_RUN);
    }
}
