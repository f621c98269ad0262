package dev.campaignfn.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every operation of openapi.yaml reaches, in both stacks, the function whose code serves it: the
 * serving module is found from the resources' {@code @Path}s in functions/*, and the HTTP API route
 * that would take the request is chosen the way API Gateway chooses (exact method before ANY, static
 * segments before {param}, {param} before {proxy+}). A route missing from template.yaml or from
 * terraform/, or pointing at the wrong function, fails here instead of answering 404 in the cloud.
 */
class RouteCoverageTest {

    /** Served only by the local launcher (its token and demo data routes, its local export store's downloads and uploads). */
    private static final List<String> LAUNCHER_ONLY = List.of("/local/", "/v1/marketing/exports/files/", "/v1/marketing/exports/uploads/");

    record Route(String method, String path, String function) {

        boolean matches(String requestMethod, String requestPath) {
            return (method.equals("ANY") || method.equalsIgnoreCase(requestMethod)) && pattern().matcher(requestPath).matches();
        }

        private Pattern pattern() {
            String regex = Pattern.quote(path).replaceAll("\\{[^}/]+\\+}", "\\\\E.+\\\\Q").replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            return Pattern.compile(regex);
        }

        /** API Gateway's preference among matching routes: greedy last, then more static segments, then an exact method. */
        int specificity() {
            int score = path.contains("+}") ? 0 : 10_000;
            for (String segment : path.split("/")) {
                score += segment.startsWith("{") ? 1 : 100;
            }
            return score + (method.equals("ANY") ? 0 : 1);
        }
    }

    @Test
    void everyOperationIsRoutedToItsFunctionInBothStacks() throws Exception {
        Map<String, String> servedBy = servingModules();
        List<Route> sam = samRoutes();
        List<Route> terraform = terraformRoutes();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, List<String>> operation : openApiOperations().entrySet()) {
            String path = operation.getKey();
            if (LAUNCHER_ONLY.stream().anyMatch(path::startsWith)) {
                continue;
            }
            String function = servedBy.get(normalized(path));
            if (function == null) {
                problems.add(path + ": no function module declares it");
                continue;
            }
            String request = path.replaceAll("\\{[^}]+}", "x1");
            for (String method : operation.getValue()) {
                checked++;
                for (Map.Entry<String, List<Route>> stack : Map.of("template.yaml", sam, "terraform", terraform).entrySet()) {
                    Optional<Route> route = stack.getValue().stream().filter(r -> r.matches(method, request))
                            .max(Comparator.comparingInt(Route::specificity));
                    if (route.isEmpty()) {
                        problems.add(stack.getKey() + ": no route for " + method + " " + path + " (" + function + ")");
                    } else if (!route.get().function().equals(function)) {
                        problems.add(stack.getKey() + ": " + method + " " + path + " goes to " + route.get().function() + ", served by " + function);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
        assertTrue(checked > 60, "the document's operations were read: " + checked);
    }

    @Test
    void theSelectionIsApiGateways() {
        List<Route> routes = List.of(new Route("GET", "/a/{proxy+}", "analytics"), new Route("GET", "/a/export", "exports"),
                new Route("ANY", "/a/{id}", "campaigns"));
        assertEquals("exports", best(routes, "GET", "/a/export"));
        assertEquals("campaigns", best(routes, "GET", "/a/other"));
        assertEquals("analytics", best(routes, "GET", "/a/b/c"));
        assertEquals("campaigns", best(routes, "POST", "/a/export"));
    }

    private static String best(List<Route> routes, String method, String path) {
        return routes.stream().filter(r -> r.matches(method, path)).max(Comparator.comparingInt(Route::specificity))
                .map(Route::function).orElse(null);
    }

    /** Path templates with the parameter names blanked: /campaigns/{id} and /campaigns/{campaignId} are one path. */
    static String normalized(String path) {
        return path.replaceAll("\\{[^}]+}", "{}").replaceAll("/+$", "");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> openApiOperations() throws Exception {
        Map<String, Object> document = new Yaml().load(Files.readString(Path.of("..", "openapi.yaml")));
        Map<String, List<String>> operations = new TreeMap<>();
        ((Map<String, Object>) document.get("paths")).forEach((path, item) -> operations.put(path,
                ((Map<String, Object>) item).keySet().stream().filter(k -> List.of("get", "put", "post", "delete", "patch").contains(k))
                        .map(k -> k.toUpperCase(Locale.ROOT)).toList()));
        return operations;
    }

    /** Each path the JAX-RS resources of functions/&lt;module&gt; declare (class @Path + method @Path), by module. */
    static Map<String, String> servingModules() throws Exception {
        // the class's @Path, then per method its verb and @Path (in either order) up to the method's "public"
        Pattern token = Pattern.compile("@Path\\(([^)]*)\\)|(@GET|@POST|@PUT|@DELETE|@PATCH|\\bclass|\\bpublic)\\b");
        Map<String, String> servedBy = new TreeMap<>();
        for (String module : List.of("campaigns", "tracking", "analytics", "exports")) {
            List<Path> sources;
            try (Stream<Path> files = Files.walk(Path.of("..", "functions", module, "src", "main", "java"))) {
                sources = files.filter(f -> f.toString().endsWith(".java")).toList();
            }
            for (Path source : sources) {
                String prefix = null;
                String pending = null;
                boolean inClass = false;
                boolean verb = false;
                String code = Files.readString(source);
                Matcher m = token.matcher(code);
                while (m.find()) {
                    String word = m.group(2);
                    if (word == null) {
                        String value = pathValue(m.group(1).strip(), code);
                        if (inClass) {
                            pending = value;
                        } else {
                            prefix = value;
                        }
                    } else if (word.equals("class")) {
                        inClass = prefix != null;
                    } else if (word.equals("public")) {
                        if (inClass && verb) {
                            servedBy.put(normalized(prefix + (pending == null ? "" : pending)), module);
                        }
                        verb = false;
                        pending = null;
                    } else {
                        verb = true;
                    }
                }
            }
        }
        return servedBy;
    }

    /** A @Path's value: a string literal, or a constant of the same file ({@code @Path(ExportResource.BASE)}). */
    private static String pathValue(String argument, String code) {
        if (argument.startsWith("\"")) {
            return argument.substring(1, argument.length() - 1);
        }
        String constant = argument.substring(argument.lastIndexOf('.') + 1);
        Matcher declared = Pattern.compile("\\b" + constant + "\\s*=\\s*\"([^\"]*)\"").matcher(code);
        assertTrue(declared.find(), "the constant " + argument + " is declared next to its use");
        return declared.group(1);
    }

    private static List<Route> samRoutes() throws Exception {
        return TemplateTest.httpRoutes().stream().map(r -> new Route(r.method(), r.path(), r.function())).toList();
    }

    private static List<Route> terraformRoutes() throws Exception {
        List<Route> routes = new ArrayList<>();
        Matcher m = Pattern.compile("\"(ANY|GET|POST|PUT|DELETE|PATCH) (/[^\"]*)\"\\s*=\\s*\\{\\s*function\\s*=\\s*\"(\\w+)\"")
                .matcher(TerraformTest.root());
        while (m.find()) {
            routes.add(new Route(m.group(1), m.group(2), m.group(3)));
        }
        return routes;
    }
}
