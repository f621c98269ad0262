package dev.campaignfn.functions.automation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import dev.campaignfn.automation.MaintenanceJob;
import dev.campaignfn.common.JobReport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code maintenance}: creates the next months' event partitions, folds the rollups, purges expired export files (daily). */
@Named("maintenance")
public class MaintenanceHandler implements RequestHandler<ScheduledInvocation, JobReport> {

    @Inject
    MaintenanceJob job;

    @Override
    public JobReport handleRequest(ScheduledInvocation event, Context context) {
        return job.run();
    }
}
