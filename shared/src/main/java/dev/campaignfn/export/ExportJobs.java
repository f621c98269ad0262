package dev.campaignfn.export;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.analytics.ReportRequest;
import dev.campaignfn.common.ApiJson;
import dev.campaignfn.common.DomainException;
import dev.campaignfn.common.Jdbc;
import dev.campaignfn.common.NotFoundException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

/**
 * Background exports. A job is a row: created queued, taken by one worker at a time (a lease, so a
 * worker that died is replaced once its lease runs out), written to a temporary file with bounded
 * memory, stored, then readable with a time-limited download URL until it expires and is purged.
 * Jobs are rows in PostgreSQL, so they survive any function restart; the worker is the automation
 * function's {@code exports} job in the cloud and a timer in the launcher.
 */
// a job's query is written and read back as JSON by this class's own mapper: native builds need the records' reflection
@RegisterForReflection(targets = { ExportQuery.class, ReportRequest.class })
@ApplicationScoped
public class ExportJobs {

    private static final Logger LOG = Logger.getLogger(ExportJobs.class);

    /** A job as the API answers it; {@code downloadUrl} only when it succeeded. */
    public record JobView(UUID id, String report, String format, String status, String fileName, Long sizeBytes, Long rowCount,
            String error, int attempts, String requestedBy, Instant createdAt, Instant startedAt, Instant finishedAt, Instant expiresAt,
            String downloadUrl, Instant downloadUrlExpiresAt) {
    }

    static final String COLUMNS = "id, report, format, status, file_name, size_bytes, row_count, error, attempts, requested_by,"
            + " created_at, started_at, finished_at, expires_at, object_key, content_type";

    @Inject
    DataSource dataSource;

    @Inject
    ExportService exports;

    @Inject
    ExportStore store;

    @Inject
    ExportsConfig config;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper baseJson;

    ObjectMapper json;

    @PostConstruct
    void init() {
        json = ApiJson.from(baseJson);
    }

    public JobView create(ExportQuery query, String requestedBy) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into export_jobs (id, report, format, parameters, status, requested_by, created_at, expires_at)"
                        + " values (?, ?, ?, ?::jsonb, 'queued', ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, query.report().wire());
            insert.setString(3, query.format().extension());
            insert.setString(4, json.writeValueAsString(query));
            insert.setString(5, requestedBy);
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setTimestamp(7, Timestamp.from(now.plus(config.retention())));
            insert.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException("could not queue the export", e);
        }
        return get(id);
    }

    public JobView get(UUID id) {
        return get(id, config.downloadUrlTtl());
    }

    /** The job, with a download URL that lasts {@code linkTtl} (never beyond the file's expiry). */
    public JobView get(UUID id, Duration linkTtl) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from export_jobs where id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException("export job", id);
                }
                return view(row, linkTtl);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("read the export job", e);
        }
    }

    private JobView view(ResultSet row, Duration linkTtl) throws SQLException {
        String status = row.getString("status");
        String url = null;
        Instant urlExpires = null;
        if ("succeeded".equals(status)) {
            // a URL never outlives the file
            Instant expires = row.getTimestamp("expires_at").toInstant();
            Duration ttl = linkTtl;
            Duration left = Duration.between(clock.instant(), expires);
            if (left.compareTo(ttl) < 0) {
                ttl = left.isNegative() ? Duration.ZERO : left;
            }
            url = store.downloadUrl(row.getString("object_key"), row.getString("file_name"), row.getString("content_type"), ttl);
            urlExpires = clock.instant().plus(ttl);
        }
        return new JobView(row.getObject("id", UUID.class), row.getString("report"), row.getString("format"), status,
                row.getString("file_name"), (Long) row.getObject("size_bytes"), (Long) row.getObject("row_count"), row.getString("error"),
                row.getInt("attempts"), row.getString("requested_by"), instant(row, "created_at"), instant(row, "started_at"),
                instant(row, "finished_at"), instant(row, "expires_at"), url, urlExpires);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** A job taken by this worker. */
    record Claimed(UUID id, String parameters, int attempts) {
    }

    /** Takes the oldest queued job, or a running one whose worker's lease ran out. */
    Optional<Claimed> claim() {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement("""
                update export_jobs set status = 'running', attempts = attempts + 1, locked_until = ?, started_at = ?
                 where id = (select id from export_jobs
                              where status = 'queued' or (status = 'running' and locked_until < ?)
                              order by created_at for update skip locked limit 1)
                returning id, parameters::text, attempts
                """)) {
            update.setTimestamp(1, Timestamp.from(now.plus(config.jobLease())));
            update.setTimestamp(2, Timestamp.from(now));
            update.setTimestamp(3, Timestamp.from(now));
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? Optional.of(new Claimed(row.getObject(1, UUID.class), row.getString(2), row.getInt(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("take an export job", e);
        }
    }

    /**
     * Runs queued jobs until none is left or {@code max} ran; returns how many ran. Jobs run outside any
     * HTTP request; the request context gives their reads a session.
     */
    @ActivateRequestContext
    public int runPending(int max) {
        int ran = 0;
        while (ran < max) {
            Optional<Claimed> job = claim();
            if (job.isEmpty()) {
                break;
            }
            run(job.get());
            ran++;
        }
        return ran;
    }

    void run(Claimed job) {
        Path file = null;
        try {
            ExportQuery query = json.readValue(job.parameters(), ExportQuery.class);
            ExportTable table = exports.table(query);
            file = Files.createTempFile("export-" + job.id(), "." + query.format().extension());
            long rows;
            try (OutputStream out = Files.newOutputStream(file)) {
                rows = TableWriter.of(query.format(), query.byteOrderMark()).write(table, out);
            }
            long size = Files.size(file);
            String key = job.id() + "." + query.format().extension();
            store.put(key, file, query.format().contentType());
            finish(job.id(), "update export_jobs set status = 'succeeded', object_key = ?, file_name = ?, content_type = ?,"
                    + " size_bytes = ?, row_count = ?, error = null, locked_until = null, finished_at = ? where id = ?",
                    key, exports.fileName(query, table), query.format().contentType(), size, rows, Timestamp.from(clock.instant()), job.id());
        } catch (Exception e) {
            boolean final_ = e instanceof DomainException || job.attempts() >= config.maxAttempts();
            LOG.warnf(e, "export job %s failed (attempt %d)%s", job.id(), job.attempts(), final_ ? "" : "; it will be retried");
            String message = e instanceof DomainException ? e.getMessage() : "the export could not be written: " + e.getClass().getSimpleName();
            finish(job.id(), "update export_jobs set status = ?, error = ?, locked_until = null, finished_at = ? where id = ?",
                    final_ ? "failed" : "queued", message, final_ ? Timestamp.from(clock.instant()) : null, job.id());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (Exception e) {
                    LOG.debugf("temporary export file %s stays: %s", file, e.getMessage());
                }
            }
        }
    }

    private void finish(UUID id, String sql, Object... values) {
        Jdbc.update(dataSource, "record the outcome of export job " + id, sql, values);
    }

    /** Deletes the files of jobs past their expiry and marks the jobs expired; returns how many. */
    public int purgeExpired() {
        List<String[]> expired = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select id, object_key from export_jobs where expires_at < ? and status <> 'expired' and status <> 'running'")) {
            select.setTimestamp(1, Timestamp.from(clock.instant()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    expired.add(new String[] { rows.getString(1), rows.getString(2) });
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("list expired exports", e);
        }
        for (String[] job : expired) {
            try {
                if (job[1] != null) {
                    store.delete(job[1]);
                }
                finish(UUID.fromString(job[0]), "update export_jobs set status = 'expired', object_key = null where id = ?",
                        UUID.fromString(job[0]));
            } catch (Exception e) {
                LOG.warnf(e, "could not purge export %s; the next run tries again", job[0]);
            }
        }
        return expired.size();
    }
}
