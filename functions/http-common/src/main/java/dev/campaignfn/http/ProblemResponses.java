package dev.campaignfn.http;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document the way the API behaves: every error answer is an RFC 9457
 * {@code application/problem+json} body ({@link Problem}); every status an operation can answer is listed (401/403 on
 * secured routes, and the 400, 404, 409, 412, 413, 414, 415, 429, 431 and 503 the shared filters and mappers give);
 * optional properties are nullable, since answers write their nulls; a success answer without a declared body is the
 * JSON envelope. Registered with {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {

    static final String PROBLEM = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("FieldError", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", string("the field or parameter, as a path (budget, actions[0].percent)"))
                .addProperty("message", string("what is wrong with it")));
        openAPI.getComponents().addSchema(PROBLEM, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem, with seed 004's success and message")
                .addProperty("type", string("urn:campaignfn:problem:<slug>"))
                .addProperty("title", string("the status in words"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string("what happened"))
                .addProperty("instance", string("the path asked for"))
                .addProperty("success", OASFactory.createSchema().type(List.of(Schema.SchemaType.BOOLEAN)).description("always false"))
                .addProperty("message", string("the detail again, as seed 004's clients read it"))
                .addProperty("code", string("a machine-readable reason (rejection reason, conflict code)"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("FieldError")))
                .addProperty("details", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)))
                .required(List.of("type", "title", "status", "success", "message")));
        declareNullables(openAPI.getComponents().getSchemas());
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                complete(path.getKey(), entry.getKey(), entry.getValue(), openAPI);
            }
        }
    }

    /**
     * The API writes every property of an answer, null ones included ({@code Include.ALWAYS}), and takes an explicit
     * null for any optional property of a request: every property a schema does not require is declared nullable, the
     * OpenAPI 3.1 way (a {@code "null"} type, or {@code anyOf} with one beside a {@code $ref}).
     */
    private static void declareNullables(Map<String, Schema> schemas) {
        if (schemas == null) {
            return;
        }
        for (Schema schema : schemas.values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Map.Entry<String, Schema> property : new java.util.LinkedHashMap<>(schema.getProperties()).entrySet()) {
                if (!required.contains(property.getKey())) {
                    schema.addProperty(property.getKey(), nullable(property.getValue()));
                }
            }
        }
    }

    private static Schema nullable(Schema property) {
        if (property.getAdditionalPropertiesSchema() != null) {
            // a map's values: a figure without a value (a change from a zero previous period) is null
            property.setAdditionalPropertiesSchema(nullable(property.getAdditionalPropertiesSchema()));
        }
        if (property.getRef() != null) {
            return OASFactory.createSchema().anyOf(List.of(property, OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL))));
        }
        if (property.getType() != null && !property.getType().isEmpty() && !property.getType().contains(Schema.SchemaType.NULL)) {
            List<Schema.SchemaType> types = new java.util.ArrayList<>(property.getType());
            types.add(Schema.SchemaType.NULL);
            property.setType(types);
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                property.addEnumeration(null);
            }
        }
        return property;
    }

    /**
     * Money is declared with at most two decimals (Bean Validation's {@code @Digits}), which SmallRye writes as
     * {@code multipleOf: 0.01}; validators check that in binary floating point, where 0.07 is not a multiple of 0.01,
     * and refuse valid amounts. The rule stays in the description, and the API itself refuses a third decimal.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getMultipleOf() != null) {
            String rule = "at most " + schema.getMultipleOf().stripTrailingZeros().scale() + " decimals";
            schema.setMultipleOf(null);
            schema.setDescription(schema.getDescription() == null ? rule : schema.getDescription() + " (" + rule + ")");
        }
        return schema;
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation, OpenAPI openAPI) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean secured = operation.getSecurity() != null ? !operation.getSecurity().isEmpty()
                : openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        if (secured) {
            add(responses, "401", "No identity (a missing or invalid bearer token)");
            add(responses, "403", "The identity lacks the route's permission");
        }
        // what every route can answer, whatever its parameters: a query or path parameter holding text that cannot be
        // stored is refused on any route (ParameterTextFilter)
        if (!path.endsWith("/t.gif")) { // the pixel answers its image whatever it is sent
            add(responses, "400", "Invalid request: the problem's errors name each field or parameter and what is wrong");
        }
        add(responses, "414", "The path and query are longer than 8 KiB (RequestSizeFilter, as API Gateway)");
        add(responses, "431", "The request headers are larger than 10 KiB together (RequestSizeFilter, as API Gateway)");
        if (path.contains("{")) {
            add(responses, "404", "No such resource, or no route matches");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", "The body is larger than the route accepts");
            add(responses, "415", "The body's media type is not one the route accepts");
        }
        if (secured && method != PathItem.HttpMethod.GET) {
            add(responses, "409", "The request conflicts with the resource's state, or with a concurrent change");
        }
        boolean conditional = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        if (conditional) {
            add(responses, "412", "If-Match named another version than the stored one");
        }
        if (!path.endsWith("/t.gif") && !path.startsWith("/local/")) {
            add(responses, "503", "The database cannot be reached just now; Retry-After says when to try again");
        }
        if (path.endsWith("/track-event") || path.endsWith("/track-events")) {
            add(responses, "429", "Too many requests from this client; Retry-After says when to try again");
        }
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((code, response) -> {
                boolean empty = response.getContent() == null || response.getContent().getMediaTypes().isEmpty();
                if (empty && code.matches("20[0-3]")) {
                    // an answer built with RestResponse<Envelope<T>> is the JSON envelope; say so, so clients accept it
                    response.setContent(OASFactory.createContent().addMediaType("application/json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                                    .description("the envelope {success, data}"))));
                }
                if (code.matches("[45]\\d\\d") && empty) {
                    response.setContent(OASFactory.createContent().addMediaType("application/problem+json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
                }
            });
        }
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.getAPIResponse(code) == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
