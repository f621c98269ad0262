package dev.campaignfn.deployment;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The committed openapi.yaml as a test reads it: its operations, request bodies made from its schemas, and the
 * schema each answer must match, checked by networknt's JSON Schema validator (draft 2020-12, the dialect of
 * OpenAPI 3.1) rather than by anything written here.
 */
final class ApiDocument {

    static final Path FILE = Path.of("..", "openapi.yaml");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    record Operation(String method, String path, String id, List<Parameter> parameters, JsonNode body, boolean secured,
            JsonNode responses) {

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " (" + id + ")";
        }
    }

    private final JsonNode document;
    private final ObjectNode definitions;
    final List<Operation> operations = new ArrayList<>();
    private final Map<String, JsonSchema> validators = new ConcurrentHashMap<>();
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    /** The committed document (read once per class that asks). */
    static ApiDocument committed() {
        try {
            return new ApiDocument();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("openapi.yaml could not be read", e);
        }
    }

    private ApiDocument() throws IOException {
        document = new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile());
        // components/schemas as $defs, their references rewritten, so that a schema can be validated on its own
        String rewritten = document.at("/components/schemas").toString().replace("#/components/schemas/", "#/$defs/");
        definitions = (ObjectNode) MAPPER.readTree(rewritten);
        boolean securedByDefault = document.path("security").size() > 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode operation = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                            parameter.path("required").asBoolean(false), parameter.path("schema")));
                }
                JsonNode body = operation.at("/requestBody/content/application~1json/schema");
                boolean secured = operation.has("security") ? operation.path("security").size() > 0 : securedByDefault;
                operations.add(new Operation(method.getKey(), path.getKey(), operation.path("operationId").asText(), parameters,
                        body.isMissingNode() ? null : body, secured, operation.path("responses")));
            }
        }
    }

    /** The schema {@code schema} stands for, its {@code $ref} followed. */
    JsonNode resolve(JsonNode schema) {
        JsonNode at = schema;
        while (at != null && at.has("$ref")) {
            at = document.at(at.path("$ref").asText().substring(1));
        }
        return at;
    }

    /** The first type a schema names that is not "null" ({@code anyOf} followed), or "" for a free-form one. */
    String type(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved == null) {
            return "";
        }
        if (resolved.has("anyOf")) {
            for (JsonNode option : resolved.path("anyOf")) {
                String type = type(option);
                if (!type.equals("null")) {
                    return type;
                }
            }
        }
        JsonNode type = resolved.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.asText("");
    }

    /**
     * A value for {@code schema} made with {@code random}: plausible for the property {@code name} (a campaign id
     * where a UUID is asked, dates in order, a known channel), so that most requests reach the route's own checks.
     */
    JsonNode sample(JsonNode schema, String name, Random random, Fixture fixture, int depth) {
        return sample(schema, name, random, fixture, depth, true);
    }

    /** As above; without {@code optionals}, objects hold their required properties only (the likeliest to be valid). */
    JsonNode sample(JsonNode schema, String name, Random random, Fixture fixture, int depth, boolean optionals) {
        JsonNode resolved = resolve(schema);
        if (resolved == null || depth > 4) {
            return JSON.nullNode();
        }
        if (resolved.has("anyOf")) {
            for (JsonNode option : resolved.path("anyOf")) {
                if (!"null".equals(type(option))) {
                    return sample(option, name, random, fixture, depth, optionals);
                }
            }
        }
        JsonNode values = resolved.path("enum");
        if (values.isArray() && values.size() > 0) {
            List<JsonNode> choices = new ArrayList<>();
            values.forEach(v -> {
                if (!v.isNull()) {
                    choices.add(v);
                }
            });
            return choices.get(random.nextInt(choices.size()));
        }
        String lower = name == null ? "" : name.toLowerCase();
        switch (type(resolved)) {
            case "string": {
                String format = resolved.path("format").asText("");
                if (format.equals("uuid")) {
                    return JSON.textNode(random.nextInt(4) == 0 ? java.util.UUID.randomUUID().toString() : fixture.campaignId);
                }
                if (format.equals("date-time") || format.equals("date")) {
                    int days = lower.contains("end") ? 60 + random.nextInt(30) : random.nextInt(30);
                    String instant = java.time.LocalDate.of(2031, 1, 1).plusDays(days) + "T00:00:00Z";
                    return JSON.textNode(format.equals("date") ? instant.substring(0, 10) : instant);
                }
                if (lower.contains("currency")) {
                    return JSON.textNode("EUR");
                }
                if (lower.contains("channel") || lower.equals("platform") || lower.contains("channels")) {
                    return JSON.textNode(random.nextBoolean() ? "email" : "facebook");
                }
                if (lower.contains("time_zone") || lower.equals("tz")) {
                    return JSON.textNode("Europe/Paris");
                }
                if (lower.contains("url")) {
                    return JSON.textNode("https://example.com/" + random.nextInt(1000));
                }
                if (lower.contains("email")) {
                    return JSON.textNode("fuzz" + random.nextInt(1000) + "@example.com");
                }
                return JSON.textNode(WORDS[random.nextInt(WORDS.length)] + (random.nextBoolean() ? "" : " " + random.nextInt(1000)));
            }
            case "integer":
                return JSON.numberNode(random.nextInt(10) + (resolved.has("minimum") ? resolved.path("minimum").asInt() : 1));
            case "number": {
                double max = resolved.has("maximum") ? Math.min(resolved.path("maximum").asDouble(), 1000) : 1000;
                double value = Math.round(random.nextDouble() * max * 100) / 100.0;
                return JSON.numberNode(new java.math.BigDecimal(String.valueOf(value)));
            }
            case "boolean":
                return JSON.booleanNode(random.nextBoolean());
            case "array": {
                ArrayNode array = JSON.arrayNode();
                int size = 1 + random.nextInt(2);
                for (int i = 0; i < size; i++) {
                    array.add(sample(resolved.path("items"), name, random, fixture, depth + 1, optionals));
                }
                return array;
            }
            case "object": {
                ObjectNode object = JSON.objectNode();
                Set<String> required = new java.util.HashSet<>();
                resolved.path("required").forEach(r -> required.add(r.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").fields(); properties.hasNext();) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    if (required.contains(property.getKey()) || (optionals && random.nextInt(3) == 0)) {
                        object.set(property.getKey(), sample(property.getValue(), property.getKey(), random, fixture, depth + 1, optionals));
                    }
                }
                JsonNode additional = resolved.path("additionalProperties");
                if (additional.isObject() && !resolved.has("properties")) {
                    object.set(random.nextBoolean() ? "email" : "facebook", sample(additional, name, random, fixture, depth + 1, optionals));
                }
                return object;
            }
            default:
                return JSON.objectNode();
        }
    }

    private static final String[] WORDS = { "Spring sale", "Newsletter", "Brand lift", "Retargeting", "Launch", "fuzz" };

    /**
     * What is wrong with an answer of {@code operation}: an undocumented status, a media type the document does not
     * give, or a body its schema refuses (networknt's messages); an empty list when the answer is as documented.
     */
    List<String> violations(Operation operation, int status, String mediaType, String body) {
        List<String> found = new ArrayList<>();
        JsonNode response = operation.responses().path(String.valueOf(status));
        if (response.isMissingNode()) {
            response = operation.responses().path("default");
        }
        if (response.isMissingNode()) {
            found.add("status " + status + " is not documented");
            return found;
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body != null && !body.isEmpty() && status != 204) {
                found.add("status " + status + " documents no body, but one came (" + mediaType + ")");
            }
            return found;
        }
        String type = mediaType == null ? "" : mediaType.split(";")[0].strip();
        JsonNode media = content.path(type);
        if (media.isMissingNode()) {
            found.add("status " + status + " answered " + type + ", documented: " + content.fieldNames().next());
            return found;
        }
        if (!type.endsWith("json") || !media.has("schema")) {
            return found;
        }
        JsonSchema validator = validators.computeIfAbsent(operation.id() + " " + status + " " + type,
                key -> schemaOf(media.path("schema")));
        found.addAll(validate(validator, body));
        return found;
    }

    /** The operation a concrete request is for (a literal path segment wins over a parameter), or null. */
    Operation operation(String method, String uri) {
        String path = uri.startsWith("http") ? URI.create(uri).getRawPath() : uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        Operation best = null;
        int bestParameters = Integer.MAX_VALUE;
        for (Operation operation : operations) {
            if (!operation.method().equalsIgnoreCase(method)) {
                continue;
            }
            String pattern = java.util.regex.Pattern.quote(operation.path()).replaceAll("\\{[^}]+\\}", "\\\\E[^/]+\\\\Q");
            int parameters = operation.path().split("\\{", -1).length - 1;
            if (path.matches(pattern) && parameters < bestParameters) {
                best = operation;
                bestParameters = parameters;
            }
        }
        return best;
    }

    /** What is wrong with a request body the API accepted, by the operation's documented request schema. */
    List<String> requestViolations(Operation operation, String body) {
        if (operation.body() == null || body == null || body.isEmpty()) {
            return List.of();
        }
        JsonSchema validator = validators.computeIfAbsent(operation.id() + " request", key -> schemaOf(operation.body()));
        return validate(validator, body);
    }

    private JsonSchema schemaOf(JsonNode documented) {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.set("$defs", definitions);
        try {
            schema.set("allOf", JSON.arrayNode().add(MAPPER.readTree(
                    documented.toString().replace("#/components/schemas/", "#/$defs/"))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return schemas.getSchema(schema);
    }

    private static List<String> validate(JsonSchema validator, String body) {
        List<String> found = new ArrayList<>();
        try {
            for (ValidationMessage message : validator.validate(MAPPER.readTree(body))) {
                found.add(message.getMessage());
            }
        } catch (IOException e) {
            found.add("the body is not JSON: " + e.getMessage());
        }
        return found;
    }

    /** What a generated request stands on: one campaign (active, channels email and facebook). */
    record Fixture(String campaignId) {
    }
}
