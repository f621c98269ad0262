package dev.campaignfn.integration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import dev.campaignfn.common.Actor;
import dev.campaignfn.common.ConflictException;
import dev.campaignfn.common.DatabaseJson;
import dev.campaignfn.common.DomainException;
import dev.campaignfn.common.Jdbc;
import dev.campaignfn.common.JobReport;
import dev.campaignfn.common.NotFoundException;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.common.WireEnum;
import dev.campaignfn.export.ExportStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The import jobs: a file waiting in the exports store (uploaded through a presigned URL, or written there from a
 * request body) is read by the automation function's {@code imports} job and imported the way its kind says. A job
 * is claimed with a lease (a worker that dies leaves it to the next run) and failed after its last attempt; a file
 * that cannot be imported as a whole (not the layout, not UTF-8, too large, never uploaded) fails at once with the
 * reason. Both imports are idempotent, so a job run twice imports nothing twice.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);

    public static final String SPEND = "spend";
    public static final String EVENTS = "events";

    static final String COLUMNS = """
            id, kind, layout, file_name, status, attempts, cast(report as text), error, created_by, created_at, started_at, finished_at""";

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    ExportStore store;

    @Inject
    ImportsConfig config;

    @Inject
    SpendImports spend;

    @Inject
    EventImports events;

    /** A spend file to upload, then start. */
    public ImportJobView.Slot<SpendImports.Report> awaitSpendUpload(@Valid @NotNull SpendImports.UploadCommand command, Actor actor) {
        return awaitUpload(SPEND, command.platform().wire(), command.fileName(), "text/csv", actor, SpendImports.Report.class);
    }

    /** An events file to upload, then start. */
    public ImportJobView.Slot<EventImports.Report> awaitEventUpload(@Valid @NotNull EventImports.UploadCommand command, Actor actor) {
        return awaitUpload(EVENTS, command.format(), command.fileName(), contentType(command.format()), actor, EventImports.Report.class);
    }

    /** The content type an events file is uploaded with. */
    public static String contentType(String format) {
        return "ndjson".equals(format) ? "application/x-ndjson" : "text/csv";
    }

    /** A job waiting for its file, with the URL to PUT it to. */
    <R> ImportJobView.Slot<R> awaitUpload(String kind, String layout, String fileName, String contentType, Actor actor, Class<R> report) {
        UUID id = UUID.randomUUID();
        String key = key(id, layout);
        insert(id, kind, layout, fileName, key, "awaiting_upload", actor);
        Instant expires = clock.instant().plus(config.uploadUrlTtl()).truncatedTo(ChronoUnit.SECONDS);
        return new ImportJobView.Slot<>(get(id, kind, report),
                new ImportJobView.Upload(store.uploadUrl(key, contentType, config.uploadUrlTtl()), "PUT", contentType, expires));
    }

    /** The file was uploaded: the job may run. */
    public <R> ImportJobView<R> start(UUID id, String kind, Class<R> report) {
        int moved = Jdbc.update(dataSource, "queue an import",
                "update import_jobs set status = 'queued' where id = ? and kind = ? and status = 'awaiting_upload'", id, kind);
        ImportJobView<R> job = get(id, kind, report);
        if (moved == 0) {
            throw new ConflictException("import_not_awaiting_upload", "the import is " + job.status() + ", not awaiting its file",
                    Map.of("status", job.status()));
        }
        return job;
    }

    /**
     * A spend file given in the request, imported at once: the ledger entries and the import, done with its report,
     * in one transaction.
     */
    @Transactional
    public SpendImports.Report importSpend(SpendImportPlatform platform, String csv, String fileName, Actor actor) {
        UUID id = UUID.randomUUID();
        SpendImports.Report report = spend.importFile(id, platform, csv, fileName, actor);
        insert(id, SPEND, platform.wire(), fileName, null, "running", actor);
        finish(id, report);
        return report;
    }

    /** A file given in a request body, queued for the job. */
    public <R> ImportJobView<R> queue(String kind, String layout, String fileName, byte[] content, Actor actor, Class<R> report) {
        UUID id = UUID.randomUUID();
        String key = key(id, layout);
        Path file = null;
        try {
            file = Files.createTempFile("import-", ".part");
            Files.write(file, content);
            store.put(key, file, "text/plain");
        } catch (Exception e) {
            throw new IllegalStateException("the import file could not be stored", e);
        } finally {
            deleteQuietly(file);
        }
        insert(id, kind, layout, fileName, key, "queued", actor);
        return get(id, kind, report);
    }

    public <R> ImportJobView<R> get(UUID id, String kind, Class<R> report) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from import_jobs where id = ? and kind = ?")) {
            select.setObject(1, id);
            select.setString(2, kind);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException(kind + " import", id);
                }
                return view(row, report);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("read an import", e);
        }
    }

    static <R> ImportJobView<R> view(ResultSet row, Class<R> report) throws SQLException {
        R parsed = null;
        String json = row.getString(7);
        if (json != null) {
            try {
                parsed = DatabaseJson.MAPPER.readValue(json, report);
            } catch (IOException e) {
                throw new IllegalStateException("unreadable import report", e);
            }
        }
        return new ImportJobView<>(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getInt(6), parsed, row.getString(8), row.getString(9), Jdbc.instant(row.getTimestamp(10)), Jdbc.instant(row.getTimestamp(11)),
                Jdbc.instant(row.getTimestamp(12)));
    }

    // ------------------------------------------------------------------------------------------ the job

    /** Runs due imports until none is left or {@code max} ran. */
    public JobReport run(int max) {
        Instant started = clock.instant();
        int done = 0;
        int failed = 0;
        int retrying = 0;
        for (int i = 0; i < max; i++) {
            Claimed job = claim();
            if (job == null) {
                break;
            }
            switch (runOne(job)) {
                case "done" -> done++;
                case "failed" -> failed++;
                default -> retrying++;
            }
        }
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("done", done);
        outcome.put("failed", failed);
        outcome.put("retrying", retrying);
        return new JobReport("imports", started, clock.instant(), outcome);
    }

    record Claimed(UUID id, String kind, String layout, String fileName, String key, int attempts, String createdBy) {
    }

    private Claimed claim() {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection(); PreparedStatement claim = connection.prepareStatement("""
                update import_jobs set status = 'running', attempts = attempts + 1, lease_until = ?, started_at = coalesce(started_at, ?)
                 where id = (select id from import_jobs
                              where status = 'queued' or (status = 'running' and lease_until < ?)
                              order by created_at for update skip locked limit 1)
                returning id, kind, layout, file_name, object_key, attempts, created_by""")) {
            claim.setTimestamp(1, Timestamp.from(now.plus(config.jobLease())));
            claim.setTimestamp(2, Timestamp.from(now));
            claim.setTimestamp(3, Timestamp.from(now));
            try (ResultSet row = claim.executeQuery()) {
                return row.next() ? new Claimed(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getInt(6), row.getString(7)) : null;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("claim an import", e);
        }
    }

    private String runOne(Claimed job) {
        if (job.attempts() > config.maxAttempts()) {
            fail(job, "gave up after " + config.maxAttempts() + " attempts");
            return "failed";
        }
        try {
            String text = read(job.key());
            Actor actor = new Actor(job.createdBy());
            Object report = switch (job.kind()) {
                case SPEND -> spend.importFile(job.id(), WireEnum.parse(SpendImportPlatform.class, job.layout(), "platform"), text,
                        job.fileName(), actor);
                default -> events.importFile(text, job.layout());
            };
            finish(job.id(), report);
            deleteQuietly(job.key());
            return "done";
        } catch (NoSuchFileException e) {
            fail(job, "the file was not uploaded (PUT it to the upload URL, then start the import)");
            return "failed";
        } catch (DomainException e) {
            fail(job, e.getMessage());
            return "failed";
        } catch (Exception e) {
            LOG.errorf(e, "import %s failed on attempt %d; the next run tries again", job.id(), job.attempts());
            Jdbc.update(dataSource, "release an import", "update import_jobs set status = 'queued', error = ? where id = ?",
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), job.id());
            return "retrying";
        }
    }

    /** The file as text: at most the configured size, and UTF-8 (a byte-order mark dropped). */
    private String read(String key) throws Exception {
        try (InputStream in = store.open(key)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0;) {
                total += n;
                if (total > config.maxFileBytes()) {
                    throw ValidationException.of("file", "larger than " + config.maxFileBytes() + " bytes: split it");
                }
                out.write(buffer, 0, n);
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(out.toByteArray())).toString();
                return text.startsWith("\uFEFF") ? text.substring(1) : text;
            } catch (CharacterCodingException e) {
                throw ValidationException.of("file", "is not UTF-8 text: export it as UTF-8 CSV");
            }
        }
    }

    private void finish(UUID id, Object report) {
        Timestamp now = Timestamp.from(clock.instant());
        Jdbc.update(dataSource, "finish an import", """
                update import_jobs set status = 'done', report = cast(? as jsonb), error = null, finished_at = ?, lease_until = null,
                                       started_at = coalesce(started_at, ?), attempts = greatest(attempts, 1)
                 where id = ?""", json(report), now, now, id);
    }

    private void fail(Claimed job, String why) {
        Jdbc.update(dataSource, "fail an import", "update import_jobs set status = 'failed', error = ?, finished_at = ?, lease_until = null where id = ?",
                why, Timestamp.from(clock.instant()), job.id());
        deleteQuietly(job.key());
    }

    /** The local copy of a body the store has taken (the local store moves it away; S3 copies it). */
    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf(e, "temporary import file %s could not be deleted", file);
            }
        }
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (Exception e) {
            LOG.warnf(e, "import file %s could not be deleted; the exports bucket's lifecycle rule removes it", key);
        }
    }

    private void insert(UUID id, String kind, String layout, String fileName, String key, String status, Actor actor) {
        Jdbc.update(dataSource, "create an import", """
                insert into import_jobs (id, kind, layout, file_name, object_key, status, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                id, kind, layout, fileName, key, status, actor.name(), Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }

    /** The store key of an import's file: {@code import-<id>.csv} or {@code .ndjson}. */
    static String key(UUID id, String layout) {
        return "import-" + id + ("ndjson".equals(layout) ? ".ndjson" : ".csv");
    }

    private static String json(Object report) {
        try {
            return DatabaseJson.MAPPER.writeValueAsString(report);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an import report could not be written", e);
        }
    }

}
