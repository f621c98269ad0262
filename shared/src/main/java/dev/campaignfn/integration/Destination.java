package dev.campaignfn.integration;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.campaignfn.common.Violations;

/**
 * One platform's ingestion API: what its settings and secrets must hold, how events become request bodies within
 * its documented limits, and how a stored body is sent. Bodies hold no secret (they are kept in the outbox); the
 * secret joins the request when it is sent.
 */
public interface Destination {

    ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    IntegrationPlatform platform();

    /** The settings and secrets this platform needs, each broken rule named. */
    void check(Map<String, String> settings, Map<String, String> secrets, Violations violations);

    /** The settings this platform knows: any other is refused, so a misspelt one is not silently ignored. */
    Set<String> settingNames();

    /** The secrets this platform knows. */
    Set<String> secretNames();

    /** Names the settings and secrets the platform does not know. */
    static void checkNames(Destination destination, Map<String, String> settings, Map<String, String> secrets, Violations violations) {
        settings.keySet().stream().filter(k -> !destination.settingNames().contains(k)).sorted().forEach(k -> violations.add("settings." + k,
                "is not a " + destination.platform().wire() + " setting (known: " + new TreeSet<>(destination.settingNames()) + ")"));
        secrets.keySet().stream().filter(k -> !destination.secretNames().contains(k)).sorted().forEach(k -> violations.add("secrets." + k,
                "is not a " + destination.platform().wire() + " secret (known: " + new TreeSet<>(destination.secretNames()) + ")"));
    }

    /**
     * The events as request bodies, each within the platform's limits, in event order. An event the platform would not
     * take (GA4: older than 72 hours; Segment: a call over 32 KB) is left out; the caller counts it as skipped.
     */
    List<Batch> batches(List<ForwardEvent> events, Instant now);

    /** The request that sends a stored body. */
    HttpRequest.Builder request(String body, Map<String, String> settings, Map<String, String> secrets, IntegrationsConfig config);

    /** A request body and how many events it carries. */
    record Batch(String body, int events) {
    }

    /** A region setting: absent or one of the allowed values. */
    static void checkRegion(Map<String, String> settings, Violations violations, String... allowed) {
        String region = settings.get("region");
        violations.check(region == null || List.of(allowed).contains(region), "settings.region", "must be one of " + List.of(allowed));
    }

    static boolean eu(Map<String, String> settings) {
        return "eu".equals(settings.get("region"));
    }

    static void require(Map<String, String> values, String field, String prefix, Violations violations) {
        String value = values.get(field);
        violations.check(value != null && !value.isBlank(), prefix + "." + field, "is required");
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        }
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Packs serialized items into bodies of at most {@code maxItems} items and {@code maxBytes} bytes (the wrapping
     * counted by {@code overhead}), in order.
     */
    static List<List<String>> pack(List<String> items, int maxItems, int maxBytes, int overhead) {
        List<List<String>> packs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int size = overhead;
        for (String item : items) {
            int itemBytes = bytes(item) + 1;
            if (!current.isEmpty() && (current.size() == maxItems || size + itemBytes > maxBytes)) {
                packs.add(current);
                current = new ArrayList<>();
                size = overhead;
            }
            current.add(item);
            size += itemBytes;
        }
        if (!current.isEmpty()) {
            packs.add(current);
        }
        return packs;
    }
}
