package dev.campaignfn.functions.automation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import dev.campaignfn.automation.LifecycleJob;
import dev.campaignfn.common.JobReport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code lifecycle}: scheduled campaigns start, ended campaigns complete (LifecycleJob). */
@Named("lifecycle")
public class LifecycleHandler implements RequestHandler<ScheduledInvocation, JobReport> {

    @Inject
    LifecycleJob job;

    @Override
    public JobReport handleRequest(ScheduledInvocation event, Context context) {
        return job.run();
    }
}
