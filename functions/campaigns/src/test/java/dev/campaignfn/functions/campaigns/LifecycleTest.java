package dev.campaignfn.functions.campaigns;

import static dev.campaignfn.functions.campaigns.Api.CAMPAIGNS;
import static dev.campaignfn.functions.campaigns.Api.admin;
import static dev.campaignfn.functions.campaigns.Api.analyst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.campaignfn.testing.ApiGateway;
import io.quarkus.test.junit.QuarkusTest;

/** Every lifecycle move from every state: the legal ones happen and are recorded, the others are 409s. */
@QuarkusTest
class LifecycleTest {

    private static final String FUTURE_START = "2031-06-01T00:00:00Z";
    private static final String FUTURE_END = "2031-06-30T00:00:00Z";

    @ParameterizedTest(name = "{1} from {0} -> {2}")
    @CsvSource({
            "draft,launch,active", "scheduled,launch,scheduled", "active,launch,409", "paused,launch,409",
            "completed,launch,409", "cancelled,launch,409",
            "draft,pause,409", "scheduled,pause,409", "active,pause,paused", "paused,pause,409", "completed,pause,409",
            "cancelled,pause,409",
            "draft,resume,409", "scheduled,resume,409", "active,resume,409", "paused,resume,active",
            "completed,resume,409", "cancelled,resume,409",
            "draft,complete,409", "scheduled,complete,409", "active,complete,completed", "paused,complete,completed",
            "completed,complete,409", "cancelled,complete,409",
            "draft,cancel,cancelled", "scheduled,cancel,cancelled", "active,cancel,cancelled", "paused,cancel,cancelled",
            "completed,cancel,409", "cancelled,cancel,409" })
    void transition(String from, String action, String expected) {
        String id = campaignIn(from);
        List<String> offered = analyst().get(CAMPAIGNS + "/" + id).json().getList("data.lifecycle_actions");
        assertEquals(!expected.equals("409"), offered.contains(action), "lifecycle_actions " + offered + " of a " + from + " campaign");
        ApiGateway.Response answer = admin().post(CAMPAIGNS + "/" + id + "/" + action, "{\"reason\": \"test " + action + "\"}");
        if (expected.equals("409")) {
            assertEquals(409, answer.status(), answer::toString);
            assertEquals("illegal_transition", answer.json().getString("code"));
            assertEquals(from, answer.json().getString("details.current_status"), "the answer names the current state");
            assertTrue(answer.json().getString("detail").contains(from));
            assertEquals(from, analyst().get(CAMPAIGNS + "/" + id).json().getString("data.status"));
        } else {
            assertEquals(200, answer.status(), answer::toString);
            assertEquals(expected, answer.json().getString("data.status"));
            assertEquals(answer.header("ETag"), analyst().get(CAMPAIGNS + "/" + id).header("ETag"),
                    "the move answers the version it stored (a final report once made every flush write the row again)");
            List<Map<String, Object>> history = analyst().get(CAMPAIGNS + "/" + id + "/history").json().getList("data");
            Map<String, Object> last = history.get(history.size() - 1);
            if (!expected.equals(from)) {
                assertEquals(from, last.get("from_status"));
                assertEquals(expected, last.get("to_status"));
                assertEquals("alice@example.com", last.get("actor"));
                assertNotNull(last.get("occurred_at"));
            }
        }
    }

    @Test
    void aFutureStartSchedulesAndAnEndedCampaignCannotLaunch() {
        String future = Api.create(Api.campaign("Future", FUTURE_START, FUTURE_END, "10", "email"));
        ApiGateway.Response scheduled = admin().post(CAMPAIGNS + "/" + future + "/launch", null);
        assertEquals("scheduled", scheduled.json().getString("data.status"));
        assertNull(scheduled.json().getString("data.launched_at"));
        assertEquals("pending", analyst().get(CAMPAIGNS + "/" + future + "/channels/email").json().getString("data.status"));

        String ended = Api.create(Api.campaign("Ended", "2020-01-01T00:00:00Z", "2020-02-01T00:00:00Z", "10", "email"));
        ApiGateway.Response refused = admin().post(CAMPAIGNS + "/" + ended + "/launch", null);
        assertEquals(409, refused.status());
        assertEquals("campaign_ended", refused.json().getString("code"));
        assertEquals("draft", refused.json().getString("details.current_status"));
    }

    @Test
    void channelsFollowAndTheHistoryTellsTheWholeStory() {
        String id = Api.launched("Story", "10", "email", "facebook");
        assertEquals("active", channelStatus(id, "facebook"));
        admin().post(CAMPAIGNS + "/" + id + "/pause", "{\"reason\": \"creative refresh\"}");
        var paused = analyst().get(CAMPAIGNS + "/" + id).json();
        assertEquals("creative refresh", paused.getString("data.pause_reason"));
        assertNotNull(paused.getString("data.paused_at"));
        assertEquals("paused", channelStatus(id, "email"));
        admin().post(CAMPAIGNS + "/" + id + "/resume", null);
        assertNull(analyst().get(CAMPAIGNS + "/" + id).json().getString("data.pause_reason"));
        assertEquals("active", channelStatus(id, "email"));
        admin().post(CAMPAIGNS + "/" + id + "/complete", null);
        assertEquals("completed", channelStatus(id, "facebook"));

        var history = analyst().get(CAMPAIGNS + "/" + id + "/history").json();
        assertEquals(List.of("draft", "active", "paused", "active"), history.getList("data.from_status"));
        assertEquals(List.of("active", "paused", "active", "completed"), history.getList("data.to_status"));
        assertEquals("creative refresh", history.getString("data[1].reason"));

        var report = analyst().get(CAMPAIGNS + "/" + id + "/final-report").json();
        assertEquals("EUR", report.getString("data.currency"));
        assertEquals(0, report.getInt("data.totals.impressions"));
        assertNull(report.get("data.metrics.ctr"), "no impressions: the rate is undefined, not 0");
        assertEquals("10.00", report.getString("data.budget.total"));
        assertEquals(409, admin().put(CAMPAIGNS + "/" + id, Api.campaign("Story", Instant.now().toString(),
                Instant.now().plusSeconds(60).toString(), "10", "email", "facebook")).status(), "completed campaigns are closed");
    }

    @Test
    void cancelNeedsAReasonAndALaunchedStartDateIsFixed() {
        String id = Api.launched("Reasons", "10", "email");
        ApiGateway.Response noReason = admin().post(CAMPAIGNS + "/" + id + "/cancel", "{}");
        assertEquals(400, noReason.status());
        assertEquals("reason", noReason.json().getString("errors[0].field"));
        ApiGateway.Response moved = admin().put(CAMPAIGNS + "/" + id, Api.campaign("Reasons", "2031-01-01T00:00:00Z",
                "2031-02-01T00:00:00Z", "10", "email"));
        assertEquals(400, moved.status(), moved::toString);
        assertEquals("start_date", moved.json().getString("errors[0].field"));
        ApiGateway.Response cancelled = admin().post(CAMPAIGNS + "/" + id + "/cancel", "{\"reason\": \"strategy changed\"}");
        assertEquals("strategy changed", cancelled.json().getString("data.cancel_reason"));
        assertEquals("completed", channelStatus(id, "email"));
    }

    private static String channelStatus(String id, String channel) {
        return analyst().get(CAMPAIGNS + "/" + id + "/channels/" + channel).json().getString("data.status");
    }

    /** A campaign that has reached the given state through the API. */
    static String campaignIn(String state) {
        return switch (state) {
            case "draft" -> Api.createRunningWindow("In draft", "10", "email");
            case "scheduled" -> {
                String id = Api.create(Api.campaign("In scheduled", FUTURE_START, FUTURE_END, "10", "email"));
                admin().post(CAMPAIGNS + "/" + id + "/launch", null);
                yield id;
            }
            case "active" -> Api.launched("In active", "10", "email");
            case "paused" -> {
                String id = Api.launched("In paused", "10", "email");
                admin().post(CAMPAIGNS + "/" + id + "/pause", null);
                yield id;
            }
            case "completed" -> {
                String id = Api.launched("In completed", "10", "email");
                admin().post(CAMPAIGNS + "/" + id + "/complete", null);
                yield id;
            }
            case "cancelled" -> {
                String id = Api.createRunningWindow("In cancelled", "10", "email");
                admin().post(CAMPAIGNS + "/" + id + "/cancel", "{\"reason\": \"no longer needed\"}");
                yield id;
            }
            default -> throw new IllegalArgumentException(state);
        };
    }
}
