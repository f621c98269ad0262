package dev.campaignfn.deployment;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function.zip run the way Lambda runs it, unpacked into a task directory and talking to the given Runtime API.
 * A JVM zip is started as AWS's Java runtimes start it: by the runtime interface client
 * ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda}) with the handler the SAM template names, the
 * runtime libraries first on the class path, then the task directory and its {@code lib/}. A native zip is started
 * as {@code provided.al2023} starts it: its {@code bootstrap} executable, with the environment the template sets.
 */
final class FunctionProcess implements AutoCloseable {

    /** The two builds of every function, each with its own function.zip (the native one from {@code -Pnative}). */
    enum Packaging {
        JVM(Path.of("target", "function.zip")), NATIVE(Path.of("target", "native", "function.zip"));

        private final Path zip;

        Packaging(Path zip) {
            this.zip = zip;
        }

        /** The zip of a function module as the build leaves it, present or not. */
        Path zip(String module) {
            return Path.of("..", "functions", module).resolve(zip).toAbsolutePath().normalize();
        }

        /** Whether every function module has this zip. */
        boolean built() {
            return FUNCTIONS.stream().allMatch(module -> Files.isRegularFile(zip(module)));
        }

        /**
         * Why a module's zip is older than the sources it is built from, if it is: a native zip is built apart from
         * {@code ./mvnw verify}, so a change made since would be tested against the executable of before it.
         */
        Optional<String> staleness(String module) {
            try {
                FileTime built = Files.getLastModifiedTime(zip(module));
                for (Path sources : List.of(Path.of("..", "shared", "src", "main"), Path.of("..", "functions", "http-common", "src", "main"),
                        Path.of("..", "functions", module, "src", "main"))) {
                    try (Stream<Path> files = Files.walk(sources)) {
                        Optional<Path> newer = files.filter(Files::isRegularFile).filter(f -> newerThan(f, built)).findFirst();
                        if (newer.isPresent()) {
                            return Optional.of(zip(module) + " is older than " + newer.get().normalize());
                        }
                    }
                }
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static boolean newerThan(Path file, FileTime time) {
            try {
                return Files.getLastModifiedTime(file).compareTo(time) > 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    static final String RUNTIME_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** The function modules, each building its own function.zip. */
    static final List<String> FUNCTIONS = List.of("campaigns", "tracking", "analytics", "exports", "automation");

    final Process process;
    final long startedAt;
    final Path log;

    private FunctionProcess(Process process, long startedAt, Path log) {
        this.process = process;
        this.startedAt = startedAt;
        this.log = log;
    }

    /** The zip of a function module, as the build leaves it; missing is an error. */
    static Path zip(Packaging packaging, String module) {
        Path zip = packaging.zip(module);
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is missing: build the functions first (" + (packaging == Packaging.JVM
                    ? "./mvnw -B verify builds them before this module" : "./mvnw -B package -Pnative -DskipTests, see docs/deployment.md") + ")");
        }
        return zip;
    }

    static Path unpack(Path zip, Path into) throws IOException {
        // Lambda starts from the zip alone: nothing an earlier build or run left here may be on the class path
        if (Files.exists(into)) {
            try (Stream<Path> old = Files.walk(into)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(into);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the task directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // ZipInputStream does not carry the Unix mode; Lambda keeps the 0755 the Quarkus build gives bootstrap
        Path bootstrap = into.resolve("bootstrap");
        if (Files.exists(bootstrap) && !bootstrap.toFile().setExecutable(true)) {
            throw new IOException("could not make " + bootstrap + " executable");
        }
        return into;
    }

    /** The runtime interface client and its libraries, from this test's class path. */
    static List<String> runtimeLibraries() {
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("aws-lambda-java-runtime-interface-client") || name.startsWith("aws-lambda-java-serialization")
                    || name.startsWith("aws-lambda-java-core")) {
                jars.add(entry);
            }
        }
        if (jars.stream().noneMatch(j -> j.contains("runtime-interface-client"))) {
            throw new IllegalStateException("aws-lambda-java-runtime-interface-client is not on the test class path");
        }
        return jars;
    }

    static FunctionProcess start(Packaging packaging, Path task, String runtimeApi, Map<String, String> environment, Path log)
            throws IOException {
        if (packaging == Packaging.JVM) {
            return start(task, HANDLER, runtimeApi, environment, log);
        }
        List<String> command = new ArrayList<>(List.of(task.resolve("bootstrap").toString()));
        // extra options for a diagnosis (bench/coldstart.sh -Dfunction.native.options="-XX:+PrintGC")
        String extra = System.getProperty("function.native.options", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(task.toFile());
        // as template.yaml and terraform/ set it for native functions: Lambda's runtime, not the image, handles signals
        builder.environment().put("DISABLE_SIGNAL_HANDLERS", "true");
        return launch(builder, HANDLER, runtimeApi, environment, log);
    }

    /** Any handler on the task directory's class path (the benchmark's baseline runs its own). */
    static FunctionProcess start(Path task, String handler, String runtimeApi, Map<String, String> environment, Path log)
            throws IOException {
        List<String> classPath = new ArrayList<>(runtimeLibraries());
        classPath.add(task.toString());
        classPath.add(task.resolve("lib") + File.separator + "*");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        // extra JVM options for a diagnosis (bench/coldstart.sh -Dfunction.jvm.options="-XX:StartFlightRecording=...")
        String extra = System.getProperty("function.jvm.options", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", classPath.stream().collect(Collectors.joining(File.pathSeparator)), RUNTIME_CLIENT, handler));
        return launch(new ProcessBuilder(command).directory(task.toFile()), handler, runtimeApi, environment, log);
    }

    /** Starts the process with the environment Lambda gives every runtime. */
    private static FunctionProcess launch(ProcessBuilder builder, String handler, String runtimeApi, Map<String, String> environment,
            Path log) throws IOException {
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Path task = builder.directory().toPath();
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        builder.environment().put("LAMBDA_TASK_ROOT", task.toString());
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "contract-test");
        builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        builder.environment().put("AWS_REGION", "eu-west-1");
        builder.environment().put("_HANDLER", handler);
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new FunctionProcess(builder.start(), started, log);
    }

    /** The process's peak resident memory so far (VmHWM), in bytes. */
    long peakRssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmHWM for process " + process.pid());
    }

    String logTail() {
        try (InputStream in = Files.newInputStream(log)) {
            String text = new String(in.readAllBytes());
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
