package dev.campaignfn.functions.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

import dev.campaignfn.testing.ScheduleEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The migrate handler, chosen by quarkus.lambda.handler as the deployment chooses it. */
@QuarkusTest
@TestProfile(MigrateHandlerTest.Migrate.class)
class MigrateHandlerTest {

    public static class Migrate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "migrate");
        }
    }

    @Test
    void migratingAnUpToDateDatabaseAppliesNothing() throws Exception {
        JsonPath report = ScheduleEvents.invoke(ScheduleEvents.scheduled("migrate", Instant.now()));
        assertEquals("migrate", report.getString("job"));
        assertEquals(0, report.getInt("outcome.migrations_applied"));
        assertEquals(String.valueOf(newestMigration()), report.getString("outcome.schema_version"));
    }

    @Test
    void asACloudFormationCustomResourceItAnswersTheResponseUrl() throws Exception {
        java.util.List<String> puts = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer cloudFormation = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        cloudFormation.createContext("/", exchange -> {
            puts.add(exchange.getRequestMethod() + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cloudFormation.start();
        try {
            for (String type : List.of("Create", "Update", "Delete")) {
                Map<String, Object> event = new java.util.LinkedHashMap<>();
                event.put("RequestType", type);
                event.put("ResponseURL", "http://127.0.0.1:" + cloudFormation.getAddress().getPort() + "/cfn-response?signed=1");
                event.put("StackId", "arn:aws:cloudformation:eu-west-1:123456789012:stack/campaigns/1");
                event.put("RequestId", "request-" + type);
                event.put("ResourceType", "Custom::Migrations");
                event.put("LogicalResourceId", "MigrateOnDeploy");
                event.put("ResourceProperties", Map.of("ServiceToken", "arn:aws:lambda:eu-west-1:123456789012:function:migrate",
                        "Release", "1"));
                ScheduleEvents.invoke(event);
            }
        } finally {
            cloudFormation.stop(0);
        }
        assertEquals(3, puts.size(), puts.toString());
        for (String put : puts) {
            assertTrue(put.startsWith("PUT {\"Status\":\"SUCCESS\""), put);
            assertTrue(put.contains("\"PhysicalResourceId\":\"campaign-functions-schema\""), put);
        }
        assertTrue(puts.get(0).contains("\"RequestId\":\"request-Create\""));
        assertTrue(puts.get(0).contains("schema_version"), "Create migrates and reports the version");
    }

    /** The highest V<n>__ of the migrations shipped in shared/ (a directory when built in the reactor, else a jar). */
    private static int newestMigration() throws Exception {
        URL marker = Thread.currentThread().getContextClassLoader().getResource("db/migration/V1__campaign_schema.sql");
        List<String> names = new ArrayList<>();
        if ("jar".equals(marker.getProtocol())) {
            String jar = marker.getPath().substring("file:".length(), marker.getPath().indexOf("!"));
            try (JarFile file = new JarFile(URLDecoder.decode(jar, StandardCharsets.UTF_8))) {
                file.stream().map(e -> e.getName()).filter(n -> n.startsWith("db/migration/")).forEach(names::add);
            }
        } else {
            try (var files = Files.list(Path.of(marker.toURI()).getParent())) {
                files.map(f -> f.getFileName().toString()).forEach(names::add);
            }
        }
        return names.stream().map(n -> n.replaceAll(".*/", "")).filter(n -> n.matches("V\\d+__.*\\.sql"))
                .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
    }
}
