package dev.campaignfn.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The database going away under load, and coming back: the launcher (the same REST layer and pool settings as the
 * functions) answers admin and tracking requests with a 503 problem and Retry-After within a bounded time, never a
 * 500 and never a hang; an event is answered accepted only when it was committed; and once PostgreSQL is back, every
 * route works again by itself, with no restart.
 */
class DatabaseOutageTest {

    /** The pool's acquisition timeout (10 s) is the longest a request waits for a connection; a margin on top. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LauncherProcess launcher;
    private static String token;
    private static String campaign;

    record Answer(String what, int status, String body, String retryAfter, Duration took) {
    }

    @BeforeAll
    static void start() throws Exception {
        launcher = LauncherProcess.fresh("outage-launcher");
        token = launcher.token("super_admin");
        String start = Instant.now().minus(Duration.ofDays(1)).toString();
        String end = Instant.now().plus(Duration.ofDays(30)).toString();
        Answer created = call("create", "POST", "/v1/marketing/admin/campaigns", "{\"name\": \"Outage\", \"type\": \"email\", \"start_date\": \""
                + start + "\", \"end_date\": \"" + end + "\", \"budget\": 1000, \"currency\": \"EUR\", \"channels\": [\"email\"]}");
        assertEquals(201, created.status(), created::toString);
        campaign = JSON.readTree(created.body()).at("/data/id").asText();
        assertEquals(200, call("launch", "POST", "/v1/marketing/admin/campaigns/" + campaign + "/launch", null).status());
    }

    @AfterAll
    static void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void anOutageIsA503AndTheApiRecoversByItself() throws Exception {
        Set<UUID> accepted = ConcurrentHashMap.newKeySet();
        List<Answer> before = load(Duration.ofSeconds(3), accepted);
        assertTrue(before.stream().allMatch(a -> a.status() < 300), () -> "before the outage: " + before);

        launcher.stopDatabase();
        List<Answer> during = load(Duration.ofSeconds(12), accepted);
        launcher.startDatabase(Path.of("target", "outage-restarted-postgres.log"));

        List<Answer> unavailable = during.stream().filter(a -> a.status() >= 300).toList();
        assertTrue(unavailable.size() > 0, () -> "the outage was noticed: " + during);
        for (Answer answer : during) {
            assertTrue(answer.took().compareTo(BOUND) < 0, () -> "answered within " + BOUND + ": " + answer);
            if (answer.status() >= 300) {
                assertEquals(503, answer.status(), answer::toString);
                JsonNode problem = JSON.readTree(answer.body());
                assertEquals("urn:campaignfn:problem:database-unavailable", problem.path("type").asText(), answer::toString);
                assertEquals("5", answer.retryAfter(), answer::toString);
            }
        }

        // back by itself: the pool makes new connections once the server answers again
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Answer read = null;
        while (System.nanoTime() < deadline) {
            read = call("read after", "GET", "/v1/marketing/admin/campaigns/" + campaign, null);
            if (read.status() == 200) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(200, read.status(), String.valueOf(read));
        List<Answer> after = load(Duration.ofSeconds(3), accepted);
        assertTrue(after.stream().allMatch(a -> a.status() < 300), () -> "after the outage: " + after);

        // every event answered accepted, in any phase, was committed
        List<UUID> missing = new ArrayList<>();
        try (Connection connection = launcher.database();
                PreparedStatement select = connection.prepareStatement("select count(*) from campaign_events where event_id = ?")) {
            for (UUID id : accepted) {
                select.setObject(1, id);
                try (ResultSet count = select.executeQuery()) {
                    count.next();
                    if (count.getLong(1) != 1) {
                        missing.add(id);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "events answered accepted but not stored");
        System.out.printf("outage: %d answers before, %d during (%d of them 503, slowest %d ms), %d after; %d events accepted and stored%n",
                before.size(), during.size(), unavailable.size(), during.stream().mapToLong(a -> a.took().toMillis()).max().orElse(0),
                after.size(), accepted.size());
    }

    /** Two clients for {@code length}: reads, writes and tracked events, each answer recorded. */
    private static List<Answer> load(Duration length, Set<UUID> accepted) throws Exception {
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        for (int client = 0; client < 2; client++) {
            int which = client;
            clients.submit(() -> {
                int i = 0;
                while (running.get()) {
                    try {
                        if (which == 0) {
                            answers.add(i % 2 == 0 ? call("read", "GET", "/v1/marketing/admin/campaigns/" + campaign, null)
                                    : call("spend", "POST", "/v1/marketing/admin/campaigns/" + campaign + "/spend",
                                            "{\"amount\": 1.50, \"channel_id\": \"email\"}"));
                        } else {
                            UUID event = UUID.randomUUID();
                            Answer answer = call("track", "POST", "/v1/marketing/track-event", "{\"event_id\": \"" + event
                                    + "\", \"campaign_id\": \"" + campaign + "\", \"event_type\": \"click\", \"channel\": \"email\"}");
                            answers.add(answer);
                            if (answer.status() == 200 && JSON.readTree(answer.body()).at("/data/status").asText().equals("accepted")) {
                                accepted.add(event);
                            }
                        }
                    } catch (Exception e) {
                        answers.add(new Answer("failed: " + e, -1, "", null, Duration.ZERO));
                    }
                    i++;
                }
                return null;
            });
        }
        Thread.sleep(length.toMillis());
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(BOUND.toSeconds() + 30, TimeUnit.SECONDS), "the clients finished");
        return new ArrayList<>(answers);
    }

    private static Answer call(String what, String method, String path, String body) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = launcher.send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), token,
                BOUND.plusSeconds(10));
        return new Answer(what, answer.statusCode(), answer.body(), answer.headers().firstValue("Retry-After").orElse(null),
                Duration.ofNanos(System.nanoTime() - started));
    }
}
