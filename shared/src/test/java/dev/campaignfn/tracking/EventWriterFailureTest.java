package dev.campaignfn.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.campaignfn.testing.Bounded;

/**
 * What the writer does when a write fails with something other than an exception (an Error thrown
 * while storing): the requests of that group get the failure as their answer, and the writers live on
 * for the next group. Before, such a failure ended the writer thread and left its requests, and every
 * later one once both writers were gone, waiting for an answer that never came.
 * <p>
 * The store here is the writer's only collaborator replaced: it fails on demand and otherwise answers
 * as the database does (accepted per event); the real store is exercised by every other test of this
 * module.
 */
class EventWriterFailureTest {

    /** Fails the first {@code failures} writes with the given error, then accepts everything. */
    static final class FailingStore extends EventStore {
        final AtomicInteger failures;
        final Error error;

        FailingStore(int failures, Error error) {
            this.failures = new AtomicInteger(failures);
            this.error = error;
        }

        @Override
        public Map<UUID, String> store(List<StoredEvent> events, Instant receivedAt) {
            if (failures.getAndDecrement() > 0) {
                throw error;
            }
            Map<UUID, String> outcomes = new HashMap<>();
            events.forEach(e -> outcomes.put(e.eventId(), EventStore.ACCEPTED));
            return outcomes;
        }
    }

    private final EventWriter writer = new EventWriter();

    @AfterEach
    void stop() {
        writer.stop();
    }

    private static StoredEvent event() {
        return new StoredEvent(UUID.randomUUID(), UUID.randomUUID(), EventType.CLICK, Instant.now(), null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, false, true, null, true, false);
    }

    @Test
    void anErrorWhileStoringAnswersTheGroupAndTheWritersCarryOn() {
        AssertionError broken = new AssertionError("the store broke");
        // as many failures as there are writers: before, that left no writer alive
        writer.store = new FailingStore(EventWriter.WRITERS, broken);
        writer.clock = Clock.systemUTC();
        for (int i = 0; i < EventWriter.WRITERS; i++) {
            CompletableFuture<Map<UUID, String>> failed = writer.write(List.of(event()));
            AssertionError answer = assertThrows(AssertionError.class, () -> Bounded.answer(failed));
            assertSame(broken, answer, "the request's answer is the failure itself");
        }
        StoredEvent next = event();
        assertEquals(Map.of(next.eventId(), EventStore.ACCEPTED), Bounded.answer(writer.write(List.of(next))),
                "the next request is written and answered");
    }
}
