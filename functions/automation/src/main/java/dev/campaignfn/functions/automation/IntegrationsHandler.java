package dev.campaignfn.functions.automation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import dev.campaignfn.common.JobReport;
import dev.campaignfn.integration.EventForwarder;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code integrations}: queues accepted events for the analytics destinations and sends the outbox (every minute). */
@Named("integrations")
public class IntegrationsHandler implements RequestHandler<ScheduledInvocation, JobReport> {

    @Inject
    EventForwarder forwarder;

    @Override
    public JobReport handleRequest(ScheduledInvocation event, Context context) {
        return forwarder.run();
    }
}
