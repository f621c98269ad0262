package dev.campaignfn.functions.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.campaignfn.testing.Rows;
import dev.campaignfn.testing.ScheduleEvents;
import dev.campaignfn.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** The maintenance handler: the next months' event partitions exist after it ran, and a second run has nothing to do. */
@QuarkusTest
@TestProfile(MaintenanceHandlerTest.Maintenance.class)
class MaintenanceHandlerTest {

    public static class Maintenance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "maintenance");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void partitionsAheadExistAndASecondRunCreatesNone() {
        // months count on the database's clock (the tests' clock is in 2031): the partition three months ahead
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(3);
        String name = String.format("campaign_events_%04d_%02d", month.getYear(), month.getMonthValue());
        Rows rows = new Rows(dataSource);
        try (var connection = dataSource.getConnection(); var drop = connection.createStatement()) {
            drop.execute("drop table if exists " + name); // the migration made it; the job must make it again
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        JsonPath report = ScheduleEvents.invoke(ScheduleEvents.scheduled("maintenance", TestClock.CLOCK.instant()));
        assertEquals("maintenance", report.getString("job"));
        assertEquals(1, report.getInt("outcome.partitions_created"));
        assertEquals(name, rows.value("select to_regclass(?)::text", name));
        JsonPath again = ScheduleEvents.invoke(ScheduleEvents.scheduled("maintenance", TestClock.CLOCK.instant()));
        assertEquals(0, again.getInt("outcome.partitions_created"));
    }
}
