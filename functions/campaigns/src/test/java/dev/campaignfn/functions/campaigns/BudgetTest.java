package dev.campaignfn.functions.campaigns;

import static dev.campaignfn.functions.campaigns.Api.CAMPAIGNS;
import static dev.campaignfn.functions.campaigns.Api.admin;
import static dev.campaignfn.functions.campaigns.Api.analyst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.campaignfn.budget.BudgetLedger;
import dev.campaignfn.budget.ReallocationCommand;
import dev.campaignfn.budget.SpendCommand;
import dev.campaignfn.budget.SpendRecording;
import dev.campaignfn.common.Actor;
import dev.campaignfn.common.ConflictException;
import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.Bounded;
import dev.campaignfn.testing.Rows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class BudgetTest {

    private static final Actor BUYER = new Actor("buyer@example.com");

    @Inject
    BudgetLedger ledger;

    @Inject
    DataSource dataSource;

    @Test
    void allocationsPlusContingencyFitTheTotal() {
        String id = Api.createRunningWindow("Allocations", "1000", "facebook", "email", "tiktok");
        ApiGateway.Response allocated = admin().put(CAMPAIGNS + "/" + id + "/budget",
                "{\"total_budget\": 1000, \"contingency\": 100, \"allocations\": {\"facebook\": 500, \"email\": 300}}");
        assertEquals(200, allocated.status(), allocated::toString);
        var status = allocated.json();
        assertEquals("800.00", status.getString("data.allocated"));
        assertEquals("100.00", status.getString("data.unallocated"));
        assertEquals("100.00", status.getString("data.contingency"));
        assertEquals("50.00", status.getString("data.channels[0].percentage"), "share of the total, not of the allocated");
        assertEquals("30.00", status.getString("data.channels[1].percentage"));
        assertEquals("0.00", status.getString("data.channels[2].allocated"));
        assertEquals("0.00", status.getString("data.spent_percentage"));

        ApiGateway.Response over = admin().put(CAMPAIGNS + "/" + id + "/budget",
                "{\"total_budget\": 1000, \"contingency\": 300, \"allocations\": {\"facebook\": 500, \"email\": 300}}");
        assertEquals(400, over.status());
        assertEquals("allocations", over.json().getString("errors[0].field"));
        ApiGateway.Response unknown = admin().put(CAMPAIGNS + "/" + id + "/budget",
                "{\"total_budget\": 1000, \"allocations\": {\"linkedin\": 10}}");
        assertEquals(400, unknown.status());
        assertEquals("allocations.linkedin", unknown.json().getString("errors[0].field"));
        ApiGateway.Response shrink = admin().put(CAMPAIGNS + "/" + id, Api.campaign("Allocations",
                java.time.Instant.now().minusSeconds(86_400).toString(), java.time.Instant.now().plusSeconds(86_400 * 30).toString(),
                "700", "facebook", "email", "tiktok"));
        assertEquals(400, shrink.status(), shrink::toString);
        assertEquals("budget", shrink.json().getString("errors[0].field"));
        assertEquals("1000.00", analyst().get(CAMPAIGNS + "/" + id + "/budget").json().getString("data.total_budget"));
    }

    @Test
    void spendRefundsAndThresholdAlerts() {
        String id = Api.launched("Spend", "1000", "facebook", "email");
        admin().put(CAMPAIGNS + "/" + id + "/budget", "{\"total_budget\": 1000, \"allocations\": {\"facebook\": 500, \"email\": 300}}");
        ApiGateway.Response first = admin().post(CAMPAIGNS + "/" + id + "/spend",
                "{\"amount\": 600, \"channel_id\": \"facebook\", \"description\": \"Meta invoice\", \"external_reference\": \"INV-1\"}");
        assertEquals(201, first.status(), first::toString);
        assertEquals("spend", first.json().getString("data.entry_type"));
        assertEquals("600.00", first.json().getString("data.amount"));
        var status = analyst().get(CAMPAIGNS + "/" + id + "/budget").json();
        assertEquals("600.00", status.getString("data.spent"));
        assertEquals("60.00", status.getString("data.spent_percentage"));
        assertEquals("-100.00", status.getString("data.channels[0].remaining"));
        assertEquals(List.of("channel"), status.getList("data.alerts.scope"));
        assertEquals(100, status.getInt("data.alerts[0].threshold"));

        admin().post(CAMPAIGNS + "/" + id + "/spend", "{\"amount\": 160.55, \"channel_id\": \"email\"}");
        status = analyst().get(CAMPAIGNS + "/" + id + "/budget").json();
        assertEquals("760.55", status.getString("data.spent"));
        assertEquals(75, status.getInt("data.alerts[0].threshold"));
        assertEquals("campaign", status.getString("data.alerts[0].scope"));
        assertEquals("760.55", analyst().get(CAMPAIGNS + "/" + id).json().getString("data.actual_spend"));

        ApiGateway.Response refund = admin().post(CAMPAIGNS + "/" + id + "/spend",
                "{\"amount\": 60.55, \"entry_type\": \"refund\", \"channel_id\": \"email\", \"corrects_entry_id\": \""
                        + first.json().getString("data.id") + "\"}");
        assertEquals(201, refund.status(), refund::toString);
        assertEquals("700.00", analyst().get(CAMPAIGNS + "/" + id + "/budget").json().getString("data.spent"));
        ApiGateway.Response tooMuch = admin().post(CAMPAIGNS + "/" + id + "/spend",
                "{\"amount\": 101, \"entry_type\": \"refund\", \"channel_id\": \"email\"}");
        assertEquals(409, tooMuch.status());
        assertEquals("refund_exceeds_spend", tooMuch.json().getString("code"));

        var entries = analyst().get(CAMPAIGNS + "/" + id + "/spend").json();
        assertEquals(3, entries.getInt("pagination.total"));
        assertEquals("refund", entries.getString("data[0].entry_type"));
        assertEquals("alice@example.com", entries.getString("data[0].recorded_by"));
        Rows rows = new Rows(dataSource);
        assertEquals(new BigDecimal("700.00"), rows.value("select sum(amount) from spend_entries where campaign_id = ?::uuid", id));
    }

    @Test
    void anIdempotencyKeyRecordsOnce() {
        String id = Api.launched("Idempotent", "100", "email");
        ApiGateway.Response first = admin().header("Idempotency-Key", "inv-2031-001").post(CAMPAIGNS + "/" + id + "/spend",
                "{\"amount\": 12.34}");
        ApiGateway.Response retry = admin().header("Idempotency-Key", "inv-2031-001").post(CAMPAIGNS + "/" + id + "/spend",
                "{\"amount\": 12.34}");
        assertEquals(201, first.status());
        assertEquals(200, retry.status());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.json().getString("data.id"), retry.json().getString("data.id"));
        ApiGateway.Response reused = admin().post(CAMPAIGNS + "/" + id + "/spend",
                "{\"amount\": 99, \"idempotency_key\": \"inv-2031-001\"}");
        assertEquals(409, reused.status());
        assertEquals("idempotency_key_reused", reused.json().getString("code"));
        assertEquals("12.34", analyst().get(CAMPAIGNS + "/" + id + "/budget").json().getString("data.spent"));
    }

    @Test
    void fiftyConcurrentSpendRecordingsSumExactly() throws Exception {
        UUID id = UUID.fromString(Api.launched("Concurrent spend", "100000", "facebook", "email"));
        Random random = new Random(42);
        List<BigDecimal> amounts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            amounts.add(BigDecimal.valueOf(1 + random.nextInt(99_999), 2));
        }
        List<Callable<SpendRecording>> calls = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            BigDecimal amount = amounts.get(i);
            String channel = i % 3 == 0 ? null : (i % 3 == 1 ? "facebook" : "email");
            calls.add(() -> ledger.record(id, new SpendCommand(amount, null, channel, null, null, null, null, null, null), BUYER));
        }
        runAll(calls);
        BigDecimal expected = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Rows rows = new Rows(dataSource);
        assertEquals(expected, rows.value("select actual_spend from campaigns where id = ?", id));
        assertEquals(expected, rows.value("select sum(amount) from spend_entries where campaign_id = ?", id));
        assertEquals(50L, rows.value("select count(*) from spend_entries where campaign_id = ?", id));
        assertEquals(rows.value("select sum(amount) from spend_entries where campaign_id = ? and channel_id = 'email'", id),
                rows.value("select spent from channel_allocations where campaign_id = ? and channel_id = 'email'", id));
    }

    @Test
    void theSameKeyFromTwentyConcurrentRequestsRecordsOnce() throws Exception {
        UUID id = UUID.fromString(Api.launched("Concurrent key", "1000", "email"));
        List<Callable<SpendRecording>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> ledger.record(id, new SpendCommand(new BigDecimal("42.00"), null, "email", "retry storm", null,
                    "same-key", null, null, null), BUYER));
        }
        List<SpendRecording> results = runAll(calls);
        Set<UUID> entryIds = new HashSet<>();
        results.forEach(r -> entryIds.add(r.entry().id()));
        assertEquals(1, entryIds.size());
        assertEquals(19, results.stream().filter(SpendRecording::replayed).count());
        Rows rows = new Rows(dataSource);
        assertEquals(1L, rows.value("select count(*) from spend_entries where campaign_id = ?", id));
        assertEquals(new BigDecimal("42.00"), rows.value("select actual_spend from campaigns where id = ?", id));
    }

    @Test
    void reallocationNeverCreatesOrLosesMoney() throws Exception {
        String id = Api.launched("Reallocation", "3000", "facebook", "email", "google_search");
        admin().put(CAMPAIGNS + "/" + id + "/budget",
                "{\"total_budget\": 3000, \"allocations\": {\"facebook\": 1000, \"email\": 1000, \"google_search\": 1000}}");
        admin().post(CAMPAIGNS + "/" + id + "/spend", "{\"amount\": 250, \"channel_id\": \"facebook\"}");

        ApiGateway.Response tooMuch = admin().post(CAMPAIGNS + "/" + id + "/budget/reallocations",
                "{\"from_channel\": \"facebook\", \"to_channel\": \"email\", \"amount\": 750.01}");
        assertEquals(409, tooMuch.status());
        assertEquals("insufficient_budget", tooMuch.json().getString("code"));
        assertEquals("750.00", tooMuch.json().getString("details.available"));
        ApiGateway.Response missing = admin().post(CAMPAIGNS + "/" + id + "/budget/reallocations",
                "{\"from_channel\": \"facebook\", \"to_channel\": \"tiktok\", \"amount\": 1}");
        assertEquals(400, missing.status());
        assertEquals("to_channel", missing.json().getString("errors[0].field"));
        ApiGateway.Response moved = admin().post(CAMPAIGNS + "/" + id + "/budget/reallocations",
                "{\"from_channel\": \"facebook\", \"to_channel\": \"email\", \"amount\": 750}");
        assertEquals(200, moved.status(), moved::toString);
        assertEquals("250.00", moved.json().getString("data.channels[0].allocated"));
        assertEquals("1750.00", moved.json().getString("data.channels[1].allocated"));

        UUID campaign = UUID.fromString(id);
        List<String> channels = List.of("facebook", "email", "google_search");
        Random random = new Random(7);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String from = channels.get(random.nextInt(3));
            String to = channels.get((channels.indexOf(from) + 1 + random.nextInt(2)) % 3);
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(60_000), 2);
            calls.add(() -> {
                try {
                    ledger.reallocate(campaign, new ReallocationCommand(from, to, amount), BUYER);
                    return "moved";
                } catch (ConflictException e) {
                    return e.code();
                }
            });
        }
        List<String> outcomes = runAll(calls);
        assertTrue(outcomes.contains("moved"));
        Rows rows = new Rows(dataSource);
        assertEquals(new BigDecimal("3000.00"), rows.value("select sum(allocated) from channel_allocations where campaign_id = ?", campaign));
        assertEquals(0L, rows.value("select count(*) from channel_allocations where campaign_id = ? and allocated < spent", campaign));
    }

    private static <T> List<T> runAll(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = calls.stream().map(pool::submit).toList();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(Bounded.answer(future));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
