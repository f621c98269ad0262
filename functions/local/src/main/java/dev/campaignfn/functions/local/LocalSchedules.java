package dev.campaignfn.functions.local;

import java.util.List;

import org.jboss.logging.Logger;

import dev.campaignfn.adplatform.AdPlatformSync;
import dev.campaignfn.alert.BudgetAlerts;
import dev.campaignfn.automation.LifecycleJob;
import dev.campaignfn.automation.MaintenanceJob;
import dev.campaignfn.automation.RulesJob;
import dev.campaignfn.common.JobReport;
import dev.campaignfn.export.ExportJobs;
import dev.campaignfn.integration.EventForwarder;
import dev.campaignfn.integration.ImportJobs;
import dev.campaignfn.report.ScheduledReports;
import dev.campaignfn.rollup.RollupFolder;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The automation jobs on quarkus-scheduler: in the cloud EventBridge triggers the automation
 * function; a long-lived launcher runs the same job code on its own timer.
 */
@ApplicationScoped
public class LocalSchedules {

    private static final Logger LOG = Logger.getLogger(LocalSchedules.class);

    @Inject
    ScheduledReports reports;

    @Inject
    AdPlatformSync ads;

    @Inject
    LifecycleJob lifecycle;

    @Inject
    RollupFolder rollups;

    @Inject
    ExportJobs exports;

    @Inject
    RulesJob rules;

    @Inject
    BudgetAlerts alerts;

    @Inject
    MaintenanceJob maintenance;

    @Inject
    EventForwarder forwarder;

    @Inject
    ImportJobs imports;

    @Scheduled(every = "${campaignfn.local.schedule.rules:60s}", delayed = "${campaignfn.local.schedule.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void rules() {
        log(rules.run(null));
    }

    @Scheduled(every = "${campaignfn.local.schedule.alerts:60s}", delayed = "${campaignfn.local.schedule.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void alerts() {
        log(alerts.run());
    }

    @Scheduled(every = "${campaignfn.local.schedule.integrations:10s}", delayed = "${campaignfn.local.schedule.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void integrations() {
        log(forwarder.run());
    }

    @Scheduled(every = "${campaignfn.local.schedule.ads:30s}", delayed = "${campaignfn.local.schedule.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void ads() {
        log(ads.run());
    }

    @Scheduled(every = "${campaignfn.local.schedule.imports:5s}", delayed = "${campaignfn.local.schedule.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void imports() {
        log(imports.run(Integer.MAX_VALUE));
    }

    @Scheduled(every = "${campaignfn.local.schedule.maintenance:24h}", delayed = "${campaignfn.local.schedule.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void maintenance() {
        log(maintenance.run());
    }

    @Scheduled(every = "${campaignfn.local.schedule.rollup:5s}", delayed = "${campaignfn.local.schedule.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void rollup() {
        RollupFolder.Fold fold = rollups.fold();
        if (fold.folded()) {
            LOG.debugf("rollup job: folded events %d..%d and ledger entries %d..%d in %d ms", fold.fromId() + 1, fold.toId(),
                    fold.fromSeq() + 1, fold.toSeq(), fold.millis());
        }
    }

    @Scheduled(every = "${campaignfn.local.schedule.lifecycle:60s}", delayed = "${campaignfn.local.schedule.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void lifecycle() {
        log(lifecycle.run());
    }

    @Scheduled(every = "${campaignfn.local.schedule.exports:2s}", delayed = "${campaignfn.local.schedule.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void exports() {
        List<String> queued = reports.queueDue();
        int ran = exports.runPending(Integer.MAX_VALUE);
        List<String> delivered = reports.deliverReady();
        int purged = exports.purgeExpired();
        if (ran + purged + queued.size() + delivered.size() > 0) {
            LOG.debugf("exports job: %d run, %d expired purged, reports queued %s, delivered %s", ran, purged, queued, delivered);
        }
    }

    private static void log(JobReport report) {
        LOG.debugf("%s job: %s", report.job(), report.outcome());
    }
}
