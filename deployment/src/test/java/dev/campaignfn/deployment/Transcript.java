package dev.campaignfn.deployment;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.campaignfn.testing.ApiGateway;

/**
 * What one run of the contract was answered, step by step, so that two runs (the JVM zips and the native
 * executables, each on a database of its own) can be compared answer for answer. Only what legitimately differs
 * between two runs is taken out: ids (each distinct one numbered by first appearance, objects read in key order),
 * instants of the server's clock, how long a job took, and a download URL's expiry and signature.
 */
final class Transcript {

    /** Numbers as written: 4000.00 and 4000.0 are different answers. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
    /** A duration a job reports (the rollup's {@code millis}): the machine's, not the answer's. */
    private static final Pattern ELAPSED = Pattern.compile("millis|.*_ms|duration.*");
    private static final Pattern SIGNED = Pattern.compile("expires=\\d+&signature=[0-9a-fA-F]+");
    /** Answer headers that carry meaning a client reads; the rest (dates, request ids) differ by nature. */
    private static final List<String> HEADERS = List.of("Content-Type", "Location", "ETag", "Content-Disposition", "Cache-Control",
            "X-Tracking-Outcome", "Retry-After");

    private final Map<String, JsonNode> steps = new LinkedHashMap<>();
    private final Map<String, String> ids = new HashMap<>();

    /** An HTTP answer: status, the headers above and the body (JSON read as JSON, text as text, binary by its digest). */
    ApiGateway.Response http(String step, ApiGateway.Response answer) {
        ObjectNode node = JSON.createObjectNode();
        node.put("status", answer.status());
        ObjectNode headers = node.putObject("headers");
        for (String name : HEADERS) {
            if (answer.header(name) != null) {
                headers.put(name, answer.header(name));
            }
        }
        String type = String.valueOf(answer.header("Content-Type"));
        if (type.contains("json")) {
            node.set("body", read(answer.body()));
        } else if (type.startsWith("text/")) {
            node.put("body", answer.body());
        } else if (!type.contains("spreadsheetml")) {
            // a spreadsheet's bytes carry the time it was written: the contract records its cells instead
            node.put("body_sha256", sha256(answer.bodyBytes()));
        }
        put(step, node);
        return answer;
    }

    /** A job's report, or anything else the contract read (rows of the database, a spreadsheet's cells). */
    <T> T fact(String step, T value) {
        put(step, JSON.valueToTree(value));
        return value;
    }

    private void put(String step, JsonNode node) {
        if (steps.putIfAbsent(step, normalize(node)) != null) {
            throw new IllegalArgumentException("a step is recorded once: " + step);
        }
    }

    /** Where the two transcripts differ: every step missing from one or answered differently, with the first paths that differ. */
    static List<String> differences(Transcript expected, Transcript actual) {
        List<String> found = new ArrayList<>();
        for (String step : expected.steps.keySet()) {
            if (!actual.steps.containsKey(step)) {
                found.add(step + ": not reached");
            }
        }
        for (String step : actual.steps.keySet()) {
            JsonNode want = expected.steps.get(step);
            if (want == null) {
                found.add(step + ": not in the expected run");
                continue;
            }
            List<String> paths = new ArrayList<>();
            diff("", want, actual.steps.get(step), paths);
            if (!paths.isEmpty()) {
                found.add(step + ": " + String.join("; ", paths.subList(0, Math.min(5, paths.size()))));
            }
        }
        return found;
    }

    int size() {
        return steps.size();
    }

    private static void diff(String path, JsonNode want, JsonNode got, List<String> paths) {
        if (want.isObject() && got.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            want.fieldNames().forEachRemaining(keys::add);
            got.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                diff(path + "/" + key, want.path(key), got.path(key), paths);
            }
        } else if (want.isArray() && got.isArray() && want.size() == got.size()) {
            for (int i = 0; i < want.size(); i++) {
                diff(path + "/" + i, want.get(i), got.get(i), paths);
            }
        } else if (!want.equals(got)) {
            paths.add((path.isEmpty() ? "/" : path) + " " + abbreviate(want) + " -> " + abbreviate(got));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.isMissingNode() ? "(missing)" : node.toString();
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }

    /** A copy with objects in key order (numbering ids must not depend on the order a serialiser writes fields in). */
    private JsonNode normalize(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            List<String> keys = new ArrayList<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                keys.add(names.next());
            }
            keys.stream().sorted().forEach(key -> copy.set(key, ELAPSED.matcher(key).matches() && node.get(key).isNumber()
                    ? JSON.getNodeFactory().textNode("<elapsed>") : normalize(node.get(key))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(normalize(item)));
            return copy;
        }
        if (node.isTextual()) {
            return JSON.getNodeFactory().textNode(normalize(node.asText()));
        }
        return node;
    }

    private String normalize(String text) {
        Matcher uuid = UUID.matcher(text);
        StringBuilder out = new StringBuilder();
        while (uuid.find()) {
            String id = ids.computeIfAbsent(uuid.group().toLowerCase(), k -> "<id " + (ids.size() + 1) + ">");
            uuid.appendReplacement(out, Matcher.quoteReplacement(id));
        }
        uuid.appendTail(out);
        String withoutIds = out.toString();
        return SIGNED.matcher(INSTANT.matcher(withoutIds).replaceAll("<instant>")).replaceAll("expires=<expiry>&signature=<signature>");
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode("(not JSON) " + body);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        steps.forEach((step, node) -> text.append(step).append(": ").append(node).append('\n'));
        return text.toString();
    }
}
