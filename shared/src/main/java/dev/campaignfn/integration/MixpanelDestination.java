package dev.campaignfn.integration;

import java.net.URI;
import java.net.URLEncoder;
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
 * Mixpanel's ingestion API ({@code POST /import?strict=1&project_id=}): a JSON array of at most 2,000 events and 10 MB,
 * each with {@code time} in milliseconds, {@code distinct_id} and {@code $insert_id} (our event id, 36 characters of
 * letters, digits and dashes), which Mixpanel de-duplicates on. Authenticated with a service account (username and
 * secret, with the project id) or the project's API secret. Strict mode makes Mixpanel refuse a bad batch with a 400
 * naming the failed records instead of dropping them quietly.
 */
public final class MixpanelDestination implements Destination {

    static final int MAX_EVENTS = 2000;
    static final int MAX_BODY_BYTES = 10_000_000;

    @Override
    public IntegrationPlatform platform() {
        return IntegrationPlatform.MIXPANEL;
    }

    @Override
    public Set<String> settingNames() {
        return Set.of("project_id", "region");
    }

    @Override
    public Set<String> secretNames() {
        return Set.of("service_account_username", "service_account_secret", "api_secret");
    }

    @Override
    public void check(Map<String, String> settings, Map<String, String> secrets, Violations violations) {
        String project = settings.get("project_id");
        violations.check(project != null && project.matches("\\d{1,20}"), "settings.project_id", "must be the Mixpanel project id (digits)");
        boolean serviceAccount = secrets.containsKey("service_account_username") || secrets.containsKey("service_account_secret");
        if (serviceAccount) {
            Destination.require(secrets, "service_account_username", "secrets", violations);
            Destination.require(secrets, "service_account_secret", "secrets", violations);
        } else {
            violations.check(secrets.get("api_secret") != null && !secrets.get("api_secret").isBlank(), "secrets",
                    "must hold service_account_username and service_account_secret, or the project's api_secret");
        }
        Destination.checkRegion(settings, violations, "us", "eu");
    }

    @Override
    public List<Batch> batches(List<ForwardEvent> events, Instant now) {
        List<String> items = new ArrayList<>();
        for (ForwardEvent e : events) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("time", e.occurredAt().toEpochMilli());
            properties.put("distinct_id", e.visitorId());
            properties.put("$insert_id", e.eventId().toString());
            ForwardEvent.put(properties, "$device_id", e.sessionId());
            ForwardEvent.put(properties, "$user_id", e.userId());
            ForwardEvent.put(properties, "$current_url", e.landingUrl());
            ForwardEvent.put(properties, "$referrer", e.referrerUrl());
            ForwardEvent.put(properties, "ip", e.networkAddress());
            properties.putAll(e.properties());
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event", e.displayName());
            event.put("properties", properties);
            items.add(Destination.json(event));
        }
        List<Batch> batches = new ArrayList<>();
        for (List<String> pack : Destination.pack(items, MAX_EVENTS, MAX_BODY_BYTES, 2)) {
            batches.add(new Batch("[" + String.join(",", pack) + "]", pack.size()));
        }
        return batches;
    }

    @Override
    public HttpRequest.Builder request(String body, Map<String, String> settings, Map<String, String> secrets, IntegrationsConfig config) {
        String base = Destination.eu(settings) ? config.mixpanelEuUrl() : config.mixpanelUrl();
        String credentials = secrets.containsKey("service_account_username")
                ? secrets.get("service_account_username") + ":" + secrets.get("service_account_secret")
                : secrets.get("api_secret") + ":";
        URI uri = URI.create(base + "/import?strict=1&project_id=" + URLEncoder.encode(settings.get("project_id"), StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
}
