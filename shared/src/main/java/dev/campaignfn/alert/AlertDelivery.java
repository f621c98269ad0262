package dev.campaignfn.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.jboss.logging.Logger;

import dev.campaignfn.common.Backoff;
import dev.campaignfn.common.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sends the alert outbox to the webhooks. A due delivery is claimed by moving its next attempt a lease
 * ahead (so a second worker at the same time skips it, and a worker that dies leaves it to be retried),
 * then sent with short timeouts outside any transaction; a failure is retried with exponential backoff
 * up to {@link #MAX_ATTEMPTS} times. A failing webhook costs one timeout per attempt and never blocks
 * the others or the job, and an alert is never lost: it stays in the outbox until delivered or failed.
 * <p>
 * JSON deliveries carry {@code X-Campaignfn-Timestamp} and {@code X-Campaignfn-Signature:
 * sha256=<hex>}, the HMAC-SHA256 of {@code timestamp + "." + body} with the webhook's secret, so a
 * receiver can check origin and freshness. Slack deliveries are Slack's incoming-webhook JSON
 * ({@code {"text": ...}}), signed the same way.
 */
@ApplicationScoped
public class AlertDelivery {

    private static final Logger LOG = Logger.getLogger(AlertDelivery.class);

    public static final int MAX_ATTEMPTS = 8;
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    /** A claimed delivery and what to send. */
    record Due(long id, int attempts, String url, String format, String secret, AlertView alert) {
    }

    /** What a delivery run did. */
    public record Outcome(int delivered, int retrying, int failed) {
    }

    public Outcome deliverDue(int max) {
        int delivered = 0;
        int retrying = 0;
        int failed = 0;
        for (Due due : claim(max)) {
            String error = send(due);
            if (error == null) {
                update("update alert_deliveries set status = 'delivered', delivered_at = ?, last_error = null where id = ?",
                        Timestamp.from(clock.instant()), due.id());
                delivered++;
            } else if (due.attempts() >= MAX_ATTEMPTS) {
                update("update alert_deliveries set status = 'failed', last_error = ? where id = ?", error, due.id());
                LOG.warnf("alert %s could not be delivered to %s after %d attempts: %s", due.alert().id(), due.url(), due.attempts(), error);
                failed++;
            } else {
                update("update alert_deliveries set next_attempt_at = ?, last_error = ? where id = ?",
                        Timestamp.from(clock.instant().plus(Backoff.after(due.attempts()))), error, due.id());
                retrying++;
            }
        }
        return new Outcome(delivered, retrying, failed);
    }


    private List<Due> claim(int max) {
        Instant now = clock.instant();
        List<Due> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement claim = connection.prepareStatement("""
                update alert_deliveries d set attempts = d.attempts + 1, last_attempt_at = ?, next_attempt_at = ?
                  from webhooks w
                 where d.id in (select id from alert_deliveries where status = 'pending' and next_attempt_at <= ?
                                 order by next_attempt_at for update skip locked limit ?)
                   and w.id = d.webhook_id
                returning d.id, d.attempts, w.url, w.format, w.secret, d.alert_id
                """)) {
            claim.setTimestamp(1, Timestamp.from(now));
            claim.setTimestamp(2, Timestamp.from(now.plus(LEASE)));
            claim.setTimestamp(3, Timestamp.from(now));
            claim.setInt(4, max);
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet row = claim.executeQuery()) {
                while (row.next()) {
                    rows.add(new Object[] { row.getLong(1), row.getInt(2), row.getString(3), row.getString(4), row.getString(5),
                            row.getObject(6, UUID.class) });
                }
            }
            for (Object[] r : rows) {
                due.add(new Due((Long) r[0], (Integer) r[1], (String) r[2], (String) r[3], (String) r[4], alert(connection, (UUID) r[5])));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("claim alert deliveries", e);
        }
        return due;
    }

    private static AlertView alert(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + AlertService.ALERT_COLUMNS + " from alerts where id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return AlertService.alert(row);
            }
        }
    }

    /** Sends one delivery; null when the receiver answered 2xx, else what went wrong. */
    String send(Due due) {
        try {
            String body = body(due);
            HttpRequest request = signed(HttpRequest.newBuilder(URI.create(due.url())).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "campaign-functions-alerts/1"), due.secret(), clock.instant(), body)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "the webhook answered " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    static String body(Due due) throws Exception {
        AlertView a = due.alert();
        if ("slack".equals(due.format())) {
            return AlertService.JSON.writeValueAsString(Map.of("text", "*[" + a.severity() + "] " + a.title() + "*\n" + a.message()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("kind", a.kind());
        json.put("severity", a.severity());
        json.put("campaign_id", a.campaignId());
        json.put("channel_id", a.channelId());
        json.put("rule_id", a.ruleId());
        json.put("threshold", a.threshold());
        json.put("title", a.title());
        json.put("message", a.message());
        json.put("details", a.details());
        json.put("created_at", a.createdAt().toString());
        return AlertService.JSON.writeValueAsString(json);
    }

    /**
     * Adds the project's webhook signature to a request carrying {@code body}: {@code X-Campaignfn-Timestamp} (epoch
     * seconds) and, when there is a secret, {@code X-Campaignfn-Signature: sha256=<hex HMAC-SHA256 of timestamp + "." +
     * body>}. Alert webhooks and the e-mail channel's webhook are signed alike, so one receiver check serves both.
     */
    public static HttpRequest.Builder signed(HttpRequest.Builder request, String secret, Instant now, String body) {
        String timestamp = String.valueOf(now.getEpochSecond());
        request.header("X-Campaignfn-Timestamp", timestamp);
        if (secret != null && !secret.isEmpty()) {
            request.header("X-Campaignfn-Signature", "sha256=" + sign(secret, timestamp + "." + body));
        }
        return request;
    }

    public static String sign(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private void update(String sql, Object... values) {
        Jdbc.update(dataSource, "record an alert delivery", sql, values);
    }
}
