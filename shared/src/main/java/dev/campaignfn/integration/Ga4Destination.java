package dev.campaignfn.integration;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.campaignfn.common.Violations;
import dev.campaignfn.tracking.EventType;

/**
 * GA4 Measurement Protocol ({@code POST /mp/collect?measurement_id=&api_secret=}): one request per visitor
 * ({@code client_id}) with at most 25 events, each with its own {@code timestamp_micros}; names and parameters kept
 * within GA4's rules (names of letters, digits and underscores up to 40 characters, values up to 100, page URLs up to
 * 1000). GA4 takes events at most 72 hours old, so older ones (a backfill) are not sent to it. GA4 has no
 * de-duplication key: our outbox sends a batch until GA4 accepts it, and a purchase carries its order id as
 * {@code transaction_id}, which GA4 de-duplicates.
 */
public final class Ga4Destination implements Destination {

    static final int MAX_EVENTS = 25;
    static final int MAX_BODY_BYTES = 130_000;
    static final Duration MAX_AGE = Duration.ofHours(72);
    static final int MAX_VALUE_LENGTH = 100;
    static final Pattern MEASUREMENT_ID = Pattern.compile("G-[A-Z0-9]{4,20}");

    @Override
    public IntegrationPlatform platform() {
        return IntegrationPlatform.GA4;
    }

    @Override
    public Set<String> settingNames() {
        return Set.of("measurement_id", "region");
    }

    @Override
    public Set<String> secretNames() {
        return Set.of("api_secret");
    }

    @Override
    public void check(Map<String, String> settings, Map<String, String> secrets, Violations violations) {
        String id = settings.get("measurement_id");
        violations.check(id != null && MEASUREMENT_ID.matcher(id).matches(), "settings.measurement_id", "must be a GA4 measurement id such as G-ABC123XYZ");
        Destination.require(secrets, "api_secret", "secrets", violations);
        Destination.checkRegion(settings, violations, "global", "eu");
    }

    /** GA4's event name: {@code purchase} for a conversion with a value, else {@code campaign_<type>}. */
    static String name(ForwardEvent e) {
        return e.eventType() == EventType.CONVERSION && e.value() != null ? "purchase" : "campaign_" + e.eventType().wire();
    }

    static Map<String, Object> params(ForwardEvent e) {
        Map<String, Object> p = new LinkedHashMap<>();
        text(p, "campaign_id", e.campaignId().toString(), MAX_VALUE_LENGTH);
        text(p, "campaign", e.campaignLabel(), MAX_VALUE_LENGTH);
        text(p, "source", e.utmSource(), MAX_VALUE_LENGTH);
        text(p, "medium", e.utmMedium(), MAX_VALUE_LENGTH);
        text(p, "term", e.utmTerm(), MAX_VALUE_LENGTH);
        text(p, "content", e.utmContent(), MAX_VALUE_LENGTH);
        text(p, "campaign_channel", e.channel(), MAX_VALUE_LENGTH);
        text(p, "audience_segment", e.audienceSegment(), MAX_VALUE_LENGTH);
        text(p, "page_location", e.landingUrl(), 1000);
        text(p, "page_referrer", e.referrerUrl(), 420);
        text(p, "conversion_type", e.conversionType(), MAX_VALUE_LENGTH);
        if (e.value() != null) {
            p.put("value", e.value());
            p.put("currency", e.currency());
        }
        text(p, "transaction_id", e.orderId(), MAX_VALUE_LENGTH);
        text(p, "event_id", e.eventId().toString(), MAX_VALUE_LENGTH);
        p.put("engagement_time_msec", 1);
        return p;
    }

    private static void text(Map<String, Object> params, String name, String value, int max) {
        if (value != null) {
            params.put(name, value.length() > max ? value.substring(0, max) : value);
        }
    }

    @Override
    public List<Batch> batches(List<ForwardEvent> events, Instant now) {
        Map<List<String>, List<String>> byVisitor = new LinkedHashMap<>();
        Instant oldest = now.minus(MAX_AGE);
        for (ForwardEvent e : events) {
            if (e.occurredAt().isBefore(oldest)) {
                continue; // GA4 drops events older than 72 hours
            }
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("name", name(e));
            event.put("params", params(e));
            event.put("timestamp_micros", ChronoUnit.MICROS.between(Instant.EPOCH, e.occurredAt()));
            List<String> visitor = new ArrayList<>();
            visitor.add(e.sessionId() != null ? e.sessionId() : e.visitorId());
            visitor.add(e.userId());
            byVisitor.computeIfAbsent(visitor, k -> new ArrayList<>()).add(Destination.json(event));
        }
        List<Batch> batches = new ArrayList<>();
        byVisitor.forEach((visitor, items) -> {
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("client_id", visitor.get(0));
            if (visitor.get(1) != null) {
                head.put("user_id", visitor.get(1));
            }
            String prefix = Destination.json(head);
            prefix = prefix.substring(0, prefix.length() - 1) + ",\"events\":[";
            for (List<String> pack : Destination.pack(items, MAX_EVENTS, MAX_BODY_BYTES, Destination.bytes(prefix) + 2)) {
                batches.add(new Batch(prefix + String.join(",", pack) + "]}", pack.size()));
            }
        });
        return batches;
    }

    @Override
    public HttpRequest.Builder request(String body, Map<String, String> settings, Map<String, String> secrets, IntegrationsConfig config) {
        String base = Destination.eu(settings) ? config.ga4EuUrl() : config.ga4Url();
        URI uri = URI.create(base + "/mp/collect?measurement_id=" + URLEncoder.encode(settings.get("measurement_id"), StandardCharsets.UTF_8)
                + "&api_secret=" + URLEncoder.encode(secrets.get("api_secret"), StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
}
