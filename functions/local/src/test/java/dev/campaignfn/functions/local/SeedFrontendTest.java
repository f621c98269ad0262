package dev.campaignfn.functions.local;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.campaignfn.testing.Bounded;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Seed 004's frontend, unchanged, and the generated TypeScript client, under node against the
 * launcher: clients/typescript/test/seed-frontend.ts takes the seed's analyticsService.ts and
 * useCampaignAnalytics.ts out of the seed document (read here, never copied into the repository), runs
 * every call of the service and the hook under React, and checks each answer field by field against
 * the seed's; it first drives the generated client through ClientEndToEndTest's scenario.
 * <p>
 * Skipped, saying why, without node or without the seed document (../shared/seeds beside the
 * repository, or CAMPAIGNFN_SEEDS_DIR); with CAMPAIGNFN_NODE_TESTS=required (what .ci/run sets) a
 * missing node is a failure.
 */
@QuarkusTest
class SeedFrontendTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();
    static final Path HARNESS = ROOT.resolve("clients/typescript/test-dist/test/seed-frontend.js");

    @Test
    void seedFrontendAndGeneratedClientRunUnchanged() throws Exception {
        Optional<Path> node = onPath("node");
        if ("required".equals(System.getenv("CAMPAIGNFN_NODE_TESTS"))) {
            assertTrue(node.isPresent(), "CAMPAIGNFN_NODE_TESTS=required but node is not on the PATH");
        }
        Assumptions.assumeTrue(node.isPresent(), "skipped: node is not on the PATH (clients/typescript needs node 18+ and npm)");
        Path seedsDir = Path.of(Optional.ofNullable(System.getenv("CAMPAIGNFN_SEEDS_DIR")).orElse(ROOT.resolveSibling("shared/seeds")
                .toString()));
        Optional<Path> seed = seed004(seedsDir);
        Assumptions.assumeTrue(seed.isPresent(), "skipped: seed 004's document (004_*.txt) is not in " + seedsDir
                + " (set CAMPAIGNFN_SEEDS_DIR)");
        assertTrue(Files.isRegularFile(HARNESS), HARNESS + " is missing: build clients/typescript first (./mvnw -pl clients/typescript compile)");

        String token = given().queryParam("role", "marketing_admin").get("/local/token").then().statusCode(200).extract()
                .path("data.access_token");
        ProcessBuilder run = new ProcessBuilder(node.get().toString(), HARNESS.toString()).redirectErrorStream(true)
                .directory(ROOT.resolve("clients/typescript").toFile());
        run.environment().put("CAMPAIGNFN_URL", "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port",
                Integer.class));
        run.environment().put("CAMPAIGNFN_TOKEN", token);
        run.environment().put("CAMPAIGNFN_SEED_004", seed.get().toString());
        File log = Files.createTempFile("seed-frontend", ".log").toFile();
        run.redirectOutput(log);
        Process process = run.start();
        boolean ended = process.waitFor(Bounded.LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        System.out.println(output);
        assertTrue(ended, () -> "the seed frontend did not finish within " + Bounded.LIMIT + ":\n" + output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("all checks passed"), output);
    }

    static Optional<Path> seed004(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("004_") && f.toString().endsWith(".txt")).findFirst();
        }
    }

    static Optional<Path> onPath(String command) {
        return Arrays.stream(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator))
                .filter(d -> !d.isBlank()).map(d -> Path.of(d, command)).filter(Files::isExecutable).findFirst();
    }
}
