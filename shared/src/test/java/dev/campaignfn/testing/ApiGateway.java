package dev.campaignfn.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * Sends real-shaped API Gateway HTTP API (payload 2.0) events straight to the function through
 * the mock event server's raw event endpoint: what REST Assured cannot express, such as the JWT
 * authorizer's claims and base64 bodies. Each call is one Lambda invocation.
 */
public final class ApiGateway {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ApiGateway() {
    }

    /** A request as a signed-in user whose token carries these roles in its groups claim. */
    public static Request as(String subject, String... roles) {
        Request request = new Request();
        request.claims.put("sub", subject);
        request.claims.put("groups", "[" + String.join(" ", roles) + "]");
        return request;
    }

    /** A request that API Gateway let through without an authorizer (no identity at all). */
    public static Request anonymous() {
        return new Request();
    }

    public static final class Request {
        private final Map<String, String> claims = new LinkedHashMap<>();
        private final List<String> scopes = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String sourceIp = "203.0.113.7";

        public Request claim(String name, String value) {
            claims.put(name, value);
            return this;
        }

        public Request scopes(String... values) {
            scopes.addAll(List.of(values));
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name.toLowerCase(), value);
            return this;
        }

        public Request sourceIp(String ip) {
            this.sourceIp = ip;
            return this;
        }

        public Response get(String pathAndQuery) {
            return send("GET", pathAndQuery, null, false);
        }

        public Response delete(String pathAndQuery) {
            return send("DELETE", pathAndQuery, null, false);
        }

        public Response post(String pathAndQuery, String jsonBody) {
            return send("POST", pathAndQuery, jsonBody, false);
        }

        public Response put(String pathAndQuery, String jsonBody) {
            return send("PUT", pathAndQuery, jsonBody, false);
        }

        /** The body base64-encoded, the way API Gateway passes binary or compressed payloads. */
        public Response postBase64(String pathAndQuery, String jsonBody) {
            return send("POST", pathAndQuery, jsonBody, true);
        }

        /** The API Gateway HTTP API (payload 2.0) event this request is, as AWS delivers it to a function. */
        public Map<String, Object> event(String method, String pathAndQuery, String body, boolean base64) {
            int q = pathAndQuery.indexOf('?');
            String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
            String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("version", "2.0");
            event.put("routeKey", "$default");
            event.put("rawPath", path);
            event.put("rawQueryString", query);
            Map<String, String> allHeaders = new LinkedHashMap<>();
            allHeaders.put("host", "api.example.test");
            if (body != null) {
                allHeaders.put("content-type", "application/json");
                allHeaders.put("content-length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
            }
            allHeaders.putAll(headers);
            event.put("headers", allHeaders);
            if (!query.isEmpty()) {
                Map<String, String> params = new LinkedHashMap<>();
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    params.merge(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : decode(pair.substring(eq + 1)),
                            (a, b) -> a + "," + b);
                }
                event.put("queryStringParameters", params);
            }
            Map<String, Object> http = new LinkedHashMap<>();
            http.put("method", method);
            http.put("path", path);
            http.put("protocol", "HTTP/1.1");
            http.put("sourceIp", sourceIp);
            http.put("userAgent", "campaignfn-tests");
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("accountId", "123456789012");
            context.put("apiId", "testapi");
            context.put("domainName", "api.example.test");
            context.put("domainPrefix", "api");
            context.put("http", http);
            context.put("requestId", UUID.randomUUID().toString());
            context.put("routeKey", "$default");
            context.put("stage", "$default");
            context.put("time", Instant.now().toString());
            context.put("timeEpoch", Instant.now().toEpochMilli());
            if (!claims.isEmpty()) {
                Map<String, Object> jwt = new LinkedHashMap<>();
                jwt.put("claims", claims);
                jwt.put("scopes", scopes.isEmpty() ? null : scopes);
                context.put("authorizer", Map.of("jwt", jwt));
            }
            event.put("requestContext", context);
            if (body != null) {
                event.put("body", base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body);
            }
            event.put("isBase64Encoded", base64);
            return event;
        }

        public Response send(String method, String pathAndQuery, String body, boolean base64) {
            Map<String, Object> event = event(method, pathAndQuery, body, base64);
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/_lambda_"))
                        .header("Content-Type", "application/json").timeout(Bounded.LIMIT)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(event))).build();
                HttpResponse<byte[]> raw = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                @SuppressWarnings("unchecked")
                Map<String, Object> answer = JSON.readValue(raw.body(), Map.class);
                return new Response(answer);
            } catch (HttpTimeoutException e) {
                throw Bounded.hung("the function's answer to " + method + " " + pathAndQuery, e);
            } catch (IOException e) {
                throw new IllegalStateException("could not invoke the function", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        private static String decode(String value) {
            return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
        }
    }

    /** The function's APIGatewayV2HTTPResponse. */
    public static final class Response {
        private final Map<String, Object> raw;

        public Response(Map<String, Object> raw) {
            this.raw = raw;
        }

        public int status() {
            return ((Number) raw.get("statusCode")).intValue();
        }

        public String header(String name) {
            Object headers = raw.get("headers");
            if (headers instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (String.valueOf(entry.getKey()).equalsIgnoreCase(name)) {
                        return String.valueOf(entry.getValue());
                    }
                }
            }
            Object multi = raw.get("multiValueHeaders");
            if (multi instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (String.valueOf(entry.getKey()).equalsIgnoreCase(name) && entry.getValue() instanceof List<?> values
                            && !values.isEmpty()) {
                        return String.valueOf(values.get(0));
                    }
                }
            }
            return null;
        }

        public byte[] bodyBytes() {
            Object body = raw.get("body");
            if (body == null) {
                return new byte[0];
            }
            return Boolean.TRUE.equals(raw.get("isBase64Encoded")) ? Base64.getDecoder().decode(String.valueOf(body))
                    : String.valueOf(body).getBytes(StandardCharsets.UTF_8);
        }

        public String body() {
            return new String(bodyBytes(), StandardCharsets.UTF_8);
        }

        /** The body as JSON; numbers read as BigDecimal, so 1000.00 stays 1000.00. */
        public JsonPath json() {
            return new JsonPath(body()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }

    /** Builds a query string from pairs, encoding the values. */
    public static String query(String... pairs) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            query.append(query.isEmpty() ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return query.toString();
    }
}
