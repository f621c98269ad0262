package dev.campaignfn.functions.automation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import dev.campaignfn.common.JobReport;
import dev.campaignfn.rollup.RollupFolder;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code rollup}: folds the events tracked and the spend recorded since the last run into the rollups (every minute). */
@Named("rollup")
public class RollupHandler implements RequestHandler<ScheduledInvocation, JobReport> {

    @Inject
    RollupFolder folder;

    @Inject
    Clock clock;

    @Override
    public JobReport handleRequest(ScheduledInvocation event, Context context) {
        var started = clock.instant();
        RollupFolder.Fold fold = folder.fold();
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("from_event_id", fold.fromId());
        outcome.put("to_event_id", fold.toId());
        outcome.put("from_spend_seq", fold.fromSeq());
        outcome.put("to_spend_seq", fold.toSeq());
        outcome.put("steps", fold.steps());
        outcome.put("millis", fold.millis());
        return new JobReport("rollup", started, clock.instant(), outcome);
    }
}
