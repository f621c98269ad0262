package dev.campaignfn.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.campaignfn.deployment.FunctionProcess.Packaging;

/**
 * The Lambda contract, proven on the built artifacts: the {@link ContractScenario} runs against the JVM zips under
 * AWS's runtime interface client, then against the native executables as {@code provided.al2023} runs them, each
 * on a database of its own, with the same assertions; the native run must also answer every request as the JVM
 * run did. No HTTP function opens a database session before its first request.
 * <p>
 * The native part needs {@code bash .ci/native} (or {@code ./mvnw -B package -Pnative -DskipTests}) first; without
 * those zips it reports itself skipped, and {@code CAMPAIGNFN_NATIVE_TESTS=required} (which {@code .ci/run} sets)
 * makes that a failure instead.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LambdaContractTest extends RuntimeClientFixture {

    /** Both runs count their dates from this hour, so their answers can be compared. */
    static final Instant BASE = ContractScenario.baseHour();
    static WebhookReceiver receiver;
    static Transcript jvm;
    static Transcript nativeRun;

    @BeforeAll
    static void webhook() throws Exception {
        receiver = new WebhookReceiver();
        platformsUrl = receiver.baseUrl();
    }

    @AfterAll
    static void closeWebhook() {
        receiver.close();
        platformsUrl = null;
    }

    /**
     * Byte Buddy is removed from the run-time class path (quarkus.class-loading.removed-artifacts): every
     * function runs without it (the test below), and no zip carries it again unnoticed.
     */
    @Test
    @Order(0)
    void noFunctionZipCarriesByteBuddy() throws Exception {
        assumeJvmZips();
        for (String module : FunctionProcess.FUNCTIONS) {
            try (ZipFile zip = new ZipFile(FunctionProcess.zip(Packaging.JVM, module).toFile())) {
                List<String> jars = zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("lib/")).toList();
                assertTrue(jars.stream().anyMatch(n -> n.contains("hibernate-core")), () -> module + ": no hibernate-core in " + jars);
                assertTrue(jars.stream().noneMatch(n -> n.contains("byte-buddy")), () -> module + " packages Byte Buddy: " + jars);
            }
        }
    }

    @Test
    @Order(1)
    void theJvmZipsKeepTheContract() throws Exception {
        assumeJvmZips();
        ContractScenario scenario = new ContractScenario(stack(Packaging.JVM), BASE, receiver);
        jvm = scenario.run();
        // every answer (and every request the API accepted) as openapi.yaml documents it; the native answers are held
        // to these below
        assertEquals(List.of(), scenario.documentViolations(), () -> "openapi.yaml is contradicted:\n"
                + String.join("\n", scenario.documentViolations()));
    }

    @Test
    @Order(2)
    void theNativeExecutablesKeepTheContract() throws Exception {
        String why = !Packaging.NATIVE.built() ? "no native function.zip (" + Packaging.NATIVE.zip("tracking") + " and the others)"
                : FunctionProcess.FUNCTIONS.stream().map(Packaging.NATIVE::staleness).flatMap(java.util.Optional::stream).findFirst().orElse(null);
        if (why != null) {
            why += ": build them with bash .ci/native or ./mvnw -B package -Pnative -DskipTests (see docs/deployment.md)";
            if ("required".equals(System.getenv("CAMPAIGNFN_NATIVE_TESTS"))) {
                throw new AssertionError("CAMPAIGNFN_NATIVE_TESTS=required, but " + why);
            }
            Assumptions.abort(why);
        }
        for (String module : FunctionProcess.FUNCTIONS) {
            try (ZipFile zip = new ZipFile(FunctionProcess.zip(Packaging.NATIVE, module).toFile())) {
                assertTrue(zip.getEntry("bootstrap") != null, () -> module + ": a provided.al2023 zip holds its bootstrap");
                assertTrue(zip.stream().noneMatch(entry -> entry.getName().endsWith(".jar")), () -> module + ": a native zip holds no jar");
            }
        }
        nativeRun = new ContractScenario(stack(Packaging.NATIVE), BASE, receiver).run();
    }

    /** A -Pnative build makes no JVM zip: then only the native half can run. */
    private static void assumeJvmZips() {
        if (!Packaging.JVM.built() && Packaging.NATIVE.built()) {
            Assumptions.abort("only native zips here (a -Pnative build makes no JVM zip): ./mvnw -B verify builds the JVM zips and runs both");
        }
    }

    @Test
    @Order(3)
    void theNativeExecutablesAnswerAsTheJvmZipsDo() {
        Assumptions.assumeTrue(jvm != null && nativeRun != null, "needs both runs above to have completed");
        assertEquals(jvm.size(), nativeRun.size());
        List<String> differences = Transcript.differences(jvm, nativeRun);
        assertEquals(List.of(), differences, () -> differences.size() + " of " + jvm.size() + " answers differ natively");
    }
}
