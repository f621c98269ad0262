package dev.campaignfn.integration;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.campaignfn.common.Violations;
import dev.campaignfn.tracking.EventType;

/**
 * Amplitude's HTTP V2 API ({@code POST /2/httpapi}): {@code {"api_key", "events", "options"}} with at most 2,000
 * events and 1 MB per request; each event has {@code event_type}, {@code device_id} (the session, else the event),
 * {@code user_id} when known, {@code time} in milliseconds and {@code insert_id} (our event id), which Amplitude
 * de-duplicates on. {@code min_id_length} 1 because sites' session ids may be shorter than Amplitude's default 5.
 * The API key joins the body when it is sent; the stored body holds none.
 */
public final class AmplitudeDestination implements Destination {

    static final int MAX_EVENTS = 2000;
    static final int MAX_BODY_BYTES = 1_000_000;
    /** Room kept for {@code "api_key":"...",} joined in when sent. */
    static final int KEY_ROOM = 300;
    static final String OPTIONS = "],\"options\":{\"min_id_length\":1}}";

    @Override
    public IntegrationPlatform platform() {
        return IntegrationPlatform.AMPLITUDE;
    }

    @Override
    public Set<String> settingNames() {
        return Set.of("region");
    }

    @Override
    public Set<String> secretNames() {
        return Set.of("api_key");
    }

    @Override
    public void check(Map<String, String> settings, Map<String, String> secrets, Violations violations) {
        Destination.require(secrets, "api_key", "secrets", violations);
        Destination.checkRegion(settings, violations, "us", "eu");
    }

    @Override
    public List<Batch> batches(List<ForwardEvent> events, Instant now) {
        List<String> items = new ArrayList<>();
        for (ForwardEvent e : events) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event_type", e.displayName());
            event.put("device_id", e.sessionId() != null ? e.sessionId() : e.eventId().toString());
            ForwardEvent.put(event, "user_id", e.userId());
            event.put("time", e.occurredAt().toEpochMilli());
            event.put("insert_id", e.eventId().toString());
            event.put("event_properties", e.properties());
            ForwardEvent.put(event, "ip", e.networkAddress());
            if (e.eventType() == EventType.CONVERSION && e.value() != null) {
                event.put("price", e.value());
                event.put("quantity", 1);
                event.put("revenue", e.value());
                ForwardEvent.put(event, "revenueType", e.conversionType());
            }
            items.add(Destination.json(event));
        }
        String prefix = "{\"events\":[";
        List<Batch> batches = new ArrayList<>();
        for (List<String> pack : Destination.pack(items, MAX_EVENTS, MAX_BODY_BYTES - KEY_ROOM, prefix.length() + OPTIONS.length())) {
            batches.add(new Batch(prefix + String.join(",", pack) + OPTIONS, pack.size()));
        }
        return batches;
    }

    @Override
    public HttpRequest.Builder request(String body, Map<String, String> settings, Map<String, String> secrets, IntegrationsConfig config) {
        String base = Destination.eu(settings) ? config.amplitudeEuUrl() : config.amplitudeUrl();
        String keyed = "{\"api_key\":" + Destination.json(secrets.get("api_key")) + "," + body.substring(1);
        return HttpRequest.newBuilder(URI.create(base + "/2/httpapi")).header("Content-Type", "application/json").header("Accept", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString(keyed, StandardCharsets.UTF_8));
    }
}
