package dev.campaignfn.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * template.yaml: valid against AWS's SAM schema (read from ../shared/schemas when that file is there;
 * skipped, saying so, when it is not), and complete: every function module of the reactor is deployed
 * from its own native function.zip, every automation job has a function and a schedule (migrate is invoked),
 * every admin route is behind the JWT authorizer and the tracking routes are public. The JVM variant docs/deployment.md
 * shows (the same template with the JVM zips' paths) is held to the same.
 */
class TemplateTest {

    static final Path TEMPLATE = Path.of("..", "template.yaml");
    static final Path SCHEMA = Path.of("..", "..", "shared", "schemas", "sam.schema.json");
    static final ObjectMapper JSON = new ObjectMapper();

    /** CloudFormation's short forms (!Ref, !Sub, ...) read as their long forms ({"Ref": ...}, {"Fn::Sub": ...}). */
    static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor() {
            super(new LoaderOptions());
            for (String name : List.of("Ref", "Sub", "If", "GetAtt", "Equals", "Not", "And", "Or", "Join", "Select", "Split", "FindInMap",
                    "Base64", "Condition", "ImportValue", "GetAZs", "Cidr")) {
                String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                this.yamlConstructors.put(new Tag("!" + name), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        Object value;
                        if (node instanceof ScalarNode scalar) {
                            value = name.equals("GetAtt") ? List.of(scalar.getValue().split("\\.", 2)) : scalar.getValue();
                        } else if (node instanceof SequenceNode sequence) {
                            value = constructSequence(sequence);
                        } else {
                            value = constructMapping((MappingNode) node);
                        }
                        return Map.of(key, value);
                    }
                });
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> template() throws Exception {
        return (Map<String, Object>) new Yaml(new CloudFormationConstructor()).load(Files.readString(TEMPLATE));
    }

    /** docs/deployment.md's JVM variant: {@code sed 's#/target/native/function.zip#/target/function.zip#' template.yaml > template-jvm.yaml}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> jvmVariant() throws Exception {
        String variant = Files.readString(TEMPLATE).replace("/target/native/function.zip", "/target/function.zip");
        return (Map<String, Object>) new Yaml(new CloudFormationConstructor()).load(variant);
    }

    /** An HttpApi event of a function: the function (its resource name without "Function", lower case), its route, public or not. */
    record HttpRoute(String function, String method, String path, boolean isPublic) {
    }

    @SuppressWarnings("unchecked")
    static List<HttpRoute> httpRoutes() throws Exception {
        List<HttpRoute> routes = new ArrayList<>();
        ((Map<String, Object>) template().get("Resources")).forEach((name, r) -> {
            Map<String, Object> resource = (Map<String, Object>) r;
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
            ((Map<String, Object>) properties.getOrDefault("Events", Map.of())).values().forEach(e -> {
                Map<String, Object> event = (Map<String, Object>) e;
                if ("HttpApi".equals(event.get("Type"))) {
                    Map<String, Object> p = (Map<String, Object>) event.get("Properties");
                    Object auth = p.get("Auth");
                    routes.add(new HttpRoute(name.replaceFirst("Function$", "").toLowerCase(Locale.ROOT),
                            String.valueOf(p.get("Method")).toUpperCase(Locale.ROOT), String.valueOf(p.get("Path")),
                            auth != null && "NONE".equals(((Map<?, ?>) auth).get("Authorizer"))));
                }
            });
        });
        return routes;
    }

    @Test
    void theTemplateIsValidAgainstTheSamSchema() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(SCHEMA), () -> "skipped: the SAM schema " + SCHEMA.toAbsolutePath().normalize()
                + " is not on this machine");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(Files.readString(SCHEMA));
        for (Map<String, Object> variant : List.of(template(), jvmVariant())) {
            JsonNode template = JSON.valueToTree(variant);
            Set<ValidationMessage> errors = schema.validate(template);
            assertTrue(errors.isEmpty(), () -> errors.stream().map(ValidationMessage::getMessage).limit(20).collect(Collectors.joining("\n")));
        }
    }

    @Test
    void everyFunctionJobAndRouteIsDeployed() throws Exception {
        assertDeploysEveryFunctionJobAndRoute(template(), "target/native/function.zip");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJvmVariantDeploysTheJvmZipsOnJava() throws Exception {
        Map<String, Object> variant = jvmVariant();
        assertDeploysEveryFunctionJobAndRoute(variant, "target/function.zip");
        Map<String, Object> parameters = (Map<String, Object>) ((Map<String, Object>) variant.get("Parameters")).get("RuntimeMode");
        assertEquals("native", parameters.get("Default"), "native is the default; the JVM variant is deployed with RuntimeMode=jvm");
    }

    @SuppressWarnings("unchecked")
    private static void assertDeploysEveryFunctionJobAndRoute(Map<String, Object> template, String zip) throws Exception {
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        Map<String, Map<String, Object>> functions = new LinkedHashMap<>();
        resources.forEach((name, r) -> {
            Map<String, Object> resource = (Map<String, Object>) r;
            if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
                functions.put(name, (Map<String, Object>) resource.get("Properties"));
            }
        });
        Set<String> zips = new TreeSet<>();
        Set<String> handlers = new TreeSet<>();
        functions.forEach((name, properties) -> {
            zips.add(String.valueOf(properties.get("CodeUri")));
            Map<String, Object> env = (Map<String, Object>) properties.getOrDefault("Environment", Map.of());
            Map<String, Object> vars = (Map<String, Object>) env.getOrDefault("Variables", Map.of());
            Object handler = vars.get("QUARKUS_LAMBDA_HANDLER");
            Map<String, Object> events = (Map<String, Object>) properties.getOrDefault("Events", Map.of());
            if (handler != null) {
                handlers.add(handler.toString());
                assertTrue(handler.equals("migrate") || events.values().stream().anyMatch(e -> "ScheduleV2".equals(((Map<?, ?>) e).get("Type"))),
                        name + " runs " + handler + " on a schedule");
            }
        });
        List<String> adminRoutes = new ArrayList<>();
        List<String> publicRoutes = new ArrayList<>();
        httpRoutes().forEach(route -> (route.isPublic() ? publicRoutes : adminRoutes).add(route.method() + " " + route.path()));
        for (String module : FunctionProcess.FUNCTIONS) {
            assertTrue(zips.contains("functions/" + module + "/" + zip), module + " is deployed from its own zip: " + zips);
        }
        assertEquals(FunctionProcess.FUNCTIONS.size(), zips.size(), () -> "no other zip: " + zips);
        assertEquals(new TreeSet<>(List.of("migrate", "lifecycle", "rules", "alerts", "maintenance", "rollup", "exports", "integrations", "imports", "ads")),
                handlers);
        assertTrue(adminRoutes.stream().allMatch(r -> r.contains("/v1/marketing/admin/")), adminRoutes::toString);
        assertTrue(publicRoutes.stream().allMatch(r -> !r.contains("/admin/")), publicRoutes::toString);
        assertEquals(4, publicRoutes.size(), "the four tracking routes are public: " + publicRoutes);
    }
}
