package dev.campaignfn.integration;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.campaignfn.common.Violations;

/**
 * Segment's HTTP Tracking API ({@code POST /v1/batch}, the write key as the Basic user): {@code track} calls of at most
 * 32 KB each, batches of at most 500 KB, each with {@code messageId} (our event id), which Segment de-duplicates on,
 * {@code userId} or {@code anonymousId} (the session, else the event), and the campaign in {@code context.campaign}
 * the way Segment's own libraries send UTM values.
 */
public final class SegmentDestination implements Destination {

    static final int MAX_MESSAGE_BYTES = 32_000;
    static final int MAX_BODY_BYTES = 500_000;

    @Override
    public IntegrationPlatform platform() {
        return IntegrationPlatform.SEGMENT;
    }

    @Override
    public Set<String> settingNames() {
        return Set.of("region");
    }

    @Override
    public Set<String> secretNames() {
        return Set.of("write_key");
    }

    @Override
    public void check(Map<String, String> settings, Map<String, String> secrets, Violations violations) {
        Destination.require(secrets, "write_key", "secrets", violations);
        Destination.checkRegion(settings, violations, "us", "eu");
    }

    static String message(ForwardEvent e) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "track");
        message.put("event", e.displayName());
        message.put("messageId", e.eventId().toString());
        message.put("timestamp", e.occurredAt().toString());
        if (e.userId() != null) {
            message.put("userId", e.userId());
        }
        message.put("anonymousId", e.sessionId() != null ? e.sessionId() : e.eventId().toString());
        message.put("properties", e.properties());
        Map<String, Object> campaign = new LinkedHashMap<>();
        ForwardEvent.put(campaign, "name", e.campaignLabel());
        ForwardEvent.put(campaign, "source", e.utmSource());
        ForwardEvent.put(campaign, "medium", e.utmMedium());
        ForwardEvent.put(campaign, "term", e.utmTerm());
        ForwardEvent.put(campaign, "content", e.utmContent());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("campaign", campaign);
        ForwardEvent.put(context, "userAgent", e.userAgent());
        ForwardEvent.put(context, "ip", e.networkAddress());
        if (e.landingUrl() != null || e.referrerUrl() != null) {
            Map<String, Object> page = new LinkedHashMap<>();
            ForwardEvent.put(page, "url", e.landingUrl());
            ForwardEvent.put(page, "referrer", e.referrerUrl());
            context.put("page", page);
        }
        message.put("context", context);
        return Destination.json(message);
    }

    @Override
    public List<Batch> batches(List<ForwardEvent> events, Instant now) {
        // a call over Segment's 32 KB is left out
        List<String> items = events.stream().map(SegmentDestination::message).filter(m -> Destination.bytes(m) <= MAX_MESSAGE_BYTES)
                .toList();
        String prefix = "{\"batch\":[";
        List<Batch> batches = new ArrayList<>();
        for (List<String> pack : Destination.pack(items, Integer.MAX_VALUE, MAX_BODY_BYTES, prefix.length() + 2)) {
            batches.add(new Batch(prefix + String.join(",", pack) + "]}", pack.size()));
        }
        return batches;
    }

    @Override
    public HttpRequest.Builder request(String body, Map<String, String> settings, Map<String, String> secrets, IntegrationsConfig config) {
        String base = Destination.eu(settings) ? config.segmentEuUrl() : config.segmentUrl();
        String credentials = secrets.get("write_key") + ":";
        return HttpRequest.newBuilder(URI.create(base + "/v1/batch")).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
}
