package dev.campaignfn.functions.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;

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
    void migratingAnUpToDateDatabaseAppliesNothing() {
        JsonPath report = ScheduleEvents.invoke(ScheduleEvents.scheduled("migrate", Instant.now()));
        assertEquals("migrate", report.getString("job"));
        assertEquals(0, report.getInt("outcome.migrations_applied"));
        assertEquals("1", report.getString("outcome.schema_version"));
    }
}
