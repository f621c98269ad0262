package dev.campaignfn.functions.automation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import dev.campaignfn.automation.RulesJob;
import dev.campaignfn.common.JobReport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code rules}: evaluates every enabled automation rule of the active campaigns (every few minutes). */
@Named("rules")
public class RulesHandler implements RequestHandler<ScheduledInvocation, JobReport> {

    @Inject
    RulesJob job;

    @Override
    public JobReport handleRequest(ScheduledInvocation event, Context context) {
        return job.run(event == null ? null : event.time());
    }
}
