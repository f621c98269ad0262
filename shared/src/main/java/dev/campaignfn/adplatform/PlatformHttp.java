package dev.campaignfn.adplatform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.common.Backoff;
import dev.campaignfn.integration.IntegrationsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one HTTP client the ad platform APIs share: a bounded timeout, no redirects (a credential never follows one to
 * another host), and a platform's answer read as JSON. What a non-2xx answer means is each platform's to say.
 */
@ApplicationScoped
public class PlatformHttp {

    /** A platform's error text kept on a push or a connection. */
    static final int ERROR_TEXT = 2000;

    /** How a platform words an answer that is not a success. */
    interface Refusals {
        PlatformRefusal of(int status, JsonNode body, String text, HttpResponse<String> response);
    }

    @Inject
    IntegrationsConfig config;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    private volatile HttpClient http;

    JsonNode send(HttpRequest.Builder request, Refusals refusals) {
        HttpResponse<String> response;
        try {
            response = client().send(request.timeout(config.timeout()).header("User-Agent", "campaign-functions-ads/1").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformRefusal(false, null, "interrupted", null);
        } catch (IOException e) {
            throw new PlatformRefusal(false, null, cut(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())),
                    null);
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status / 100 == 2) {
            return body;
        }
        String text = cut("the platform answered " + status + (response.body() == null || response.body().isBlank() ? "" : ": "
                + response.body()));
        throw refusals.of(status, body, text, response);
    }

    HttpRequest.Builder postJson(String url, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalStateException("unwritable request body", e);
        }
    }

    static HttpRequest.Builder postForm(String url, Map<String, String> fields) {
        String form = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The time a 429's {@code Retry-After} names, if it does. */
    java.time.Instant retryAfter(HttpResponse<String> response) {
        return Backoff.retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock.instant());
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException notJson) {
            return json.createObjectNode();
        }
    }

    static String cut(String text) {
        return text.length() > ERROR_TEXT ? text.substring(0, ERROR_TEXT) : text;
    }

    private HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }
}
