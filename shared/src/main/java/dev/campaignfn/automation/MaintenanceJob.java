package dev.campaignfn.automation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import dev.campaignfn.common.Jdbc;
import dev.campaignfn.common.JobReport;
import dev.campaignfn.export.ExportJobs;
import dev.campaignfn.rollup.RollupFolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The {@code maintenance} job (daily): the event partitions of the next months exist before events
 * arrive for them (and an event for a month without one waits in the default partition until then),
 * the rollups are folded, and export files past their retention are deleted.
 */
@ApplicationScoped
public class MaintenanceJob {

    /** Months of partitions kept ready after the current one. */
    static final int MONTHS_AHEAD = 3;

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @Inject
    RollupFolder rollups;

    @Inject
    ExportJobs exports;

    public JobReport run() {
        var started = clock.instant();
        int partitions;
        try (Connection connection = dataSource.getConnection();
                // months are counted on the database's clock, as the partition function counts them
                PreparedStatement ensure = connection.prepareStatement(
                        "select ensure_campaign_event_partitions(date_trunc('month', now() at time zone 'UTC')::date, ?)")) {
            ensure.setInt(1, MONTHS_AHEAD);
            try (ResultSet row = ensure.executeQuery()) {
                row.next();
                partitions = row.getInt(1);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("create the event partitions ahead", e);
        }
        RollupFolder.Fold fold = rollups.fold();
        int purged = exports.purgeExpired();
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("partitions_created", partitions);
        outcome.put("folded_to_event_id", fold.toId());
        outcome.put("folded_to_spend_seq", fold.toSeq());
        outcome.put("exports_purged", purged);
        return new JobReport("maintenance", started, clock.instant(), outcome);
    }
}
