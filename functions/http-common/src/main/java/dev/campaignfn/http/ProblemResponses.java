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
 * {@code application/problem+json} body ({@link Problem}), and every secured route can answer 401
 * (no identity) and 403 (no permission); a success answer without a declared body is the JSON envelope. Registered with
 * {@code mp.openapi.filter}.
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
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                complete(entry.getValue(), openAPI);
            }
        }
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

    private static void complete(Operation operation, OpenAPI openAPI) {
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
