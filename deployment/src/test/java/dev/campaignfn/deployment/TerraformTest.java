package dev.campaignfn.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * terraform/ cannot be validated here (providers cannot be downloaded), so its structure is checked:
 * every function module of the reactor is deployed by a module instance from its own zip, every HTTP
 * function has routes and every automation job (each @Named handler but migrate) a schedule, every
 * variable and output is described, and {@code terraform fmt -check} passes where terraform is installed.
 */
class TerraformTest {

    static final Path TERRAFORM = Path.of("..", "terraform");
    static final Path AUTOMATION = Path.of("..", "functions", "automation", "src", "main", "java");

    static String root() throws Exception {
        return Files.readString(TERRAFORM.resolve("main.tf"));
    }

    static List<Path> files() throws Exception {
        try (Stream<Path> files = Files.walk(TERRAFORM)) {
            return files.filter(f -> f.toString().endsWith(".tf")).filter(f -> !f.toString().contains(".terraform")).toList();
        }
    }

    @Test
    void everyFunctionIsDeployedFromItsOwnZip() throws Exception {
        String main = root();
        for (String module : FunctionProcess.FUNCTIONS) {
            assertTrue(main.contains("local.zip[\"" + module + "\"]"), module + " has a module instance deploying its zip");
        }
        assertTrue(main.contains("\"${var.artifacts_dir}/functions/${m}/target/${var.native ? \"native/\" : \"\"}function.zip\""),
                "prebuilt zips are deployed as they are, native by default");
        Matcher functions = Pattern.compile("module \"(\\w+)\" \\{\\s*(?:for_each[^\\n]*\\n\\s*)?source\\s*=\\s*\"\\./modules/function\"").matcher(main);
        Set<String> instances = new TreeSet<>();
        while (functions.find()) {
            instances.add(functions.group(1));
        }
        assertEquals(new TreeSet<>(List.of("analytics", "automation", "campaigns", "exports", "migrate", "tracking")), instances,
                "one reusable function module, used once per function");
    }

    @Test
    void everyHttpFunctionHasRoutesAndEveryJobASchedule() throws Exception {
        String main = root();
        for (String http : List.of("campaigns", "tracking", "analytics", "exports")) {
            assertTrue(main.contains("function = \"" + http + "\""), http + " has routes");
        }
        Set<String> handlers = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(AUTOMATION)) {
            for (Path source : sources.filter(f -> f.toString().endsWith("Handler.java")).toList()) {
                Matcher named = Pattern.compile("@Named\\(\"(\\w+)\"\\)").matcher(Files.readString(source));
                if (named.find()) {
                    handlers.add(named.group(1));
                }
            }
        }
        assertTrue(handlers.contains("lifecycle") && handlers.contains("migrate"), handlers.toString());
        String jobs = main.substring(main.indexOf("jobs = {"), main.indexOf("}\n}", main.indexOf("jobs = {")));
        Set<String> scheduled = new TreeSet<>();
        Matcher job = Pattern.compile("^\\s+(\\w+)\\s*=\\s*\\{ expression", Pattern.MULTILINE).matcher(jobs);
        while (job.find()) {
            scheduled.add(job.group(1));
        }
        handlers.remove("migrate"); // invoked by the deployment, not scheduled
        assertEquals(handlers, scheduled, "every automation job has a function and a schedule");
        assertTrue(main.contains("module \"schedules\""));
        assertTrue(main.contains("module \"migrate\""));
        for (String part : List.of("module \"database\"", "module \"exports_bucket\"", "module \"http_api\"")) {
            assertTrue(main.contains(part), part);
        }
    }

    @Test
    void everyVariableAndOutputIsDescribed() throws Exception {
        List<String> missing = new ArrayList<>();
        Pattern block = Pattern.compile("^(variable|output) \"(\\w+)\" \\{(.*?)^\\}", Pattern.MULTILINE | Pattern.DOTALL);
        int blocks = 0;
        for (Path file : files()) {
            Matcher m = block.matcher(Files.readString(file));
            while (m.find()) {
                blocks++;
                if (!m.group(3).contains("description")) {
                    missing.add(file + ": " + m.group(1) + " " + m.group(2));
                }
            }
        }
        assertTrue(blocks > 30, "found the variables and outputs (" + blocks + ")");
        assertTrue(missing.isEmpty(), () -> "without a description: " + missing);
    }

    @Test
    void terraformFmtFindsNothingToChange() throws Exception {
        Process probe;
        try {
            probe = new ProcessBuilder("terraform", "version").redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("skipped: terraform is not installed here");
            return;
        }
        probe.waitFor(30, TimeUnit.SECONDS);
        Process fmt = new ProcessBuilder("terraform", "fmt", "-check", "-recursive", ".").directory(TERRAFORM.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(fmt.getInputStream().readAllBytes());
        assertTrue(fmt.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, fmt.exitValue(), () -> "terraform fmt -check would change: " + output);
    }
}
