package dev.campaignfn.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.deployment.FunctionProcess.Packaging;
import dev.campaignfn.testing.ApiGateway;

/**
 * The same bad input gets the same answer on the launcher (HTTP) and through the Lambda path (each function's JVM
 * zip under AWS's runtime interface client, API Gateway v2 events with authorizer claims): 400 hostile requests made
 * by the fuzz test's generator (its operations and hostile values, a fixed seed), for a campaign that exists in
 * neither, compared by status and problem (type, the fields named and what is said of each; ids aside).
 */
class LauncherLambdaParityTest extends RuntimeClientFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LauncherProcess launcher;
    private static String token;
    private static Stack stack;
    private static final Map<String, Running> RUNNING = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Packaging.JVM.built(), "no JVM function.zip: build them with ./mvnw -B package -DskipTests");
        launcher = LauncherProcess.fresh("parity-launcher");
        token = launcher.token("super_admin");
        stack = stack(Packaging.JVM);
        try (Running migrate = stack.start("automation", "migrate")) {
            migrate.job("migrate");
        }
    }

    @AfterAll
    static void stopAll() throws Exception {
        RUNNING.values().forEach(Running::close);
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void badInputIsAnsweredAlikeOnTheLauncherAndThroughLambda() throws Exception {
        Map<String, String> servedBy = RouteCoverageTest.servingModules();
        ApiDocument.Fixture nowhere = new ApiDocument.Fixture(UUID.randomUUID().toString());
        Random random = new Random(20261209);
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < 400; i++) {
            ApiFuzzTest.Request request = ApiFuzzTest.hostile(nowhere, random.nextInt(ApiFuzzTest.OPERATIONS.size()),
                    ApiFuzzTest.Target.values()[random.nextInt(ApiFuzzTest.Target.values().length)], random.nextInt(10_000),
                    pick(ApiFuzzTest.HOSTILE_VALUES, random), pick(ApiFuzzTest.HOSTILE_BODIES, random), pick(ApiFuzzTest.HOSTILE_TEXT, random),
                    random.nextLong());
            String module = servedBy.get(RouteCoverageTest.normalized(request.operation().path()));
            String body = request.body() == null ? null : new String(request.body(), StandardCharsets.UTF_8);
            if (module == null || (body != null && !java.util.Arrays.equals(body.getBytes(StandardCharsets.UTF_8), request.body()))) {
                continue; // the launcher's own routes; a body that is not UTF-8 text cannot be an event's string body
            }
            HttpResponse<String> local = launcher(request);
            ApiGateway.Request caller = request.operation().secured() ? ApiGateway.as("root@example.com", "super_admin")
                    : ApiGateway.anonymous();
            if (local.statusCode() < 400) {
                // accepted answers depend on state and identity: not compared, but the write is made on both sides, so
                // that later answers meet the same state (a benchmark deleted on one side only answers 404 there, 204 here)
                function(module).http(caller.event(request.method(), request.uri(), body, false));
                continue;
            }
            if (local.statusCode() == 414 || local.statusCode() == 431) {
                continue; // API Gateway's own answers there
            }
            ApiGateway.Response lambda = function(module).http(caller.event(request.method(), request.uri(), body, false));
            compared++;
            String launcherSays = local.statusCode() + " " + gist(local.body());
            String lambdaSays = lambda.status() + " " + gist(lambda.body());
            if (!launcherSays.equals(lambdaSays)) {
                differences.add(request + "\n  launcher: " + launcherSays + "\n  lambda:   " + lambdaSays);
            }
        }
        int count = compared;
        assertTrue(count > 100, () -> "only " + count + " refused requests compared");
        assertEquals(List.of(), differences, () -> differences.size() + " of " + count + " answers differ:\n" + String.join("\n", differences));
    }

    /** What a problem says, ids and the instance path aside. */
    private static String gist(String body) throws Exception {
        JsonNode problem = JSON.readTree(body);
        StringBuilder gist = new StringBuilder(problem.path("type").asText());
        for (JsonNode error : problem.path("errors")) {
            gist.append(" | ").append(error.path("field").asText()).append(": ").append(error.path("message").asText());
        }
        return gist.toString().replaceAll("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "<id>");
    }

    private static HttpResponse<String> launcher(ApiFuzzTest.Request request) throws Exception {
        return launcher.send(request.method(), request.uri(), request.body(), request.operation().secured() ? token : null,
                Duration.ofSeconds(60));
    }

    private static Running function(String module) throws Exception {
        Running running = RUNNING.get(module);
        if (running == null) {
            running = stack.start(module, null);
            RUNNING.put(module, running);
        }
        return running;
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
