package dev.campaignfn.functions.automation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import dev.campaignfn.alert.BudgetAlerts;
import dev.campaignfn.common.JobReport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code alerts}: raises the budget alerts and sends the alert outbox to the webhooks (every few minutes). */
@Named("alerts")
public class AlertsHandler implements RequestHandler<ScheduledInvocation, JobReport> {

    @Inject
    BudgetAlerts job;

    @Override
    public JobReport handleRequest(ScheduledInvocation event, Context context) {
        return job.run();
    }
}
