package dev.campaignfn.functions.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.campaignfn.automation.LifecycleJob;
import dev.campaignfn.campaign.CampaignType;
import dev.campaignfn.common.Actor;
import dev.campaignfn.lifecycle.CampaignCommand;
import dev.campaignfn.lifecycle.CampaignLifecycle;
import dev.campaignfn.lifecycle.CampaignService;
import dev.campaignfn.testing.Bounded;
import dev.campaignfn.testing.Rows;
import dev.campaignfn.testing.ScheduleEvents;
import dev.campaignfn.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** The lifecycle handler, invoked with EventBridge scheduled events through the Lambda path. */
@QuarkusTest
class LifecycleJobTest {

    private static final Actor PLANNER = new Actor("planner@example.com");

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignLifecycle lifecycle;

    @Inject
    LifecycleJob job;

    @Inject
    DataSource dataSource;

    @Test
    void scheduledCampaignsStartAndEndedOnesComplete() {
        Instant now = TestClock.CLOCK.instant();
        UUID id = scheduled("Scheduled launch", now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        assertEquals("scheduled", status(id));

        JsonPath early = ScheduleEvents.invoke(ScheduleEvents.scheduled("lifecycle", TestClock.CLOCK.instant()));
        assertEquals("lifecycle", early.getString("job"));
        assertEquals("scheduled", status(id), "not yet");

        TestClock.CLOCK.advance(Duration.ofHours(2));
        JsonPath started = ScheduleEvents.invoke(ScheduleEvents.scheduled("lifecycle", TestClock.CLOCK.instant()));
        assertEquals(List.of(id.toString()), started.getList("outcome.activated"));
        assertEquals("active", status(id));

        TestClock.CLOCK.advance(Duration.ofDays(1));
        JsonPath ended = ScheduleEvents.invoke(ScheduleEvents.scheduled("lifecycle", TestClock.CLOCK.instant()));
        assertEquals(List.of(id.toString()), ended.getList("outcome.completed"));
        assertEquals("completed", status(id));
        Rows rows = new Rows(dataSource);
        assertNotNull(rows.value("select final_report ->> 'generated_at' from campaigns where id = ?", id));
        assertEquals("system:automation", rows.value(
                "select actor from campaign_transitions where campaign_id = ? and to_status = 'completed'", id));
    }

    @Test
    void twoRunsAtOnceMoveEachCampaignOnce() throws Exception {
        Instant now = TestClock.CLOCK.instant();
        UUID first = scheduled("Concurrent A", now.plus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(3)));
        UUID second = scheduled("Concurrent B", now.plus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(3)));
        TestClock.CLOCK.advance(Duration.ofMinutes(10));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(job::run);
            Future<?> b = pool.submit(job::run);
            Bounded.answer(a);
            Bounded.answer(b);
        } finally {
            pool.shutdownNow();
        }
        Rows rows = new Rows(dataSource);
        for (UUID id : List.of(first, second)) {
            assertEquals(1L, rows.value("select count(*) from campaign_transitions where campaign_id = ? and to_status = 'active'", id));
        }
    }

    private UUID scheduled(String name, Instant start, Instant end) {
        UUID id = campaigns.create(new CampaignCommand(name, null, CampaignType.EMAIL, start, end, new BigDecimal("100"), "EUR",
                "Europe/Paris", null, List.of("email"), List.of("Sell"), null), PLANNER).id();
        lifecycle.launch(id, PLANNER);
        return id;
    }

    private String status(UUID id) {
        return (String) new Rows(dataSource).value("select status from campaigns where id = ?", id);
    }
}
