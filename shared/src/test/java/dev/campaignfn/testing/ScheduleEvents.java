package dev.campaignfn.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/** Invokes an event function through the mock event server with the events EventBridge sends. */
public final class ScheduleEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ScheduleEvents() {
    }

    /** An EventBridge scheduled event for the named schedule, as AWS delivers it. */
    public static Map<String, Object> scheduled(String schedule, String id, Instant time) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", id);
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.scheduler");
        event.put("account", "123456789012");
        event.put("time", time.toString());
        event.put("region", "eu-west-1");
        event.put("resources", List.of("arn:aws:scheduler:eu-west-1:123456789012:schedule/default/" + schedule));
        event.put("detail", Map.of());
        return event;
    }

    public static Map<String, Object> scheduled(String schedule, Instant time) {
        return scheduled(schedule, UUID.randomUUID().toString(), time);
    }

    /** One invocation; answers the handler's JSON result. */
    public static JsonPath invoke(Map<String, Object> event) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/_lambda_"))
                    .header("Content-Type", "application/json").timeout(Bounded.LIMIT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(event))).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("invocation failed: " + response.statusCode() + " " + response.body());
            }
            return new JsonPath(response.body()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        } catch (HttpTimeoutException e) {
            throw Bounded.hung("the handler's answer to the event for " + event.get("resources"), e);
        } catch (IOException e) {
            throw new IllegalStateException("could not invoke the function", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
