package dev.campaignfn.functions.automation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import dev.campaignfn.adplatform.AdPlatformSync;
import dev.campaignfn.common.JobReport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code ads}: sends the channels' status and budget changes to Meta, Google Ads and e-mail webhooks; pulls their spend (every 5 minutes). */
@Named("ads")
public class AdPlatformsHandler implements RequestHandler<ScheduledInvocation, JobReport> {

    @Inject
    AdPlatformSync sync;

    @Override
    public JobReport handleRequest(ScheduledInvocation event, Context context) {
        return sync.run();
    }
}
