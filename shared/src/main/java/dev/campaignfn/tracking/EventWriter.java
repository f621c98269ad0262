package dev.campaignfn.tracking;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Group commit for events. Requests hand their events to the writer threads and get their outcomes
 * back without holding a request thread. A writer takes everything queued (up to MAX_ROWS events) and
 * writes it with one statement and one commit, which is what costs a database most; events that
 * arrive during a write go into the next one, which starts alongside only once a few have queued.
 * Nothing waits on a timer: an event that finds no write in flight is written at once, alone (always,
 * in a Lambda instance, which serves one request at a time). Every request gets its own events'
 * outcomes, after their commit.
 */
@ApplicationScoped
public class EventWriter {

    private static final Logger LOG = Logger.getLogger(EventWriter.class);

    /** Rows in one statement at most: bounds a group's memory and the length of its transaction. */
    static final int MAX_ROWS = 2000;
    /** Events that must have queued before a write starts while another is still in flight. */
    static final int MIN_ROWS_ALONGSIDE = 3;
    /** Writes in flight at most: one commit overlapping the next, as measured best on two cores. */
    static final int WRITERS = 2;

    private record Pending(List<StoredEvent> events, CompletableFuture<Map<UUID, String>> done) {
    }

    /** Queued requests, their event count and the writes in flight; all guarded by this. */
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int queuedRows;
    private int inFlight;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean stopping;

    @Inject
    EventStore store;

    @Inject
    Clock clock;


    /** Queues the events (distinct event ids); completes with accepted or the duplicate reason per event id. */
    public CompletableFuture<Map<UUID, String>> write(List<StoredEvent> events) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        if (stopping) {
            return CompletableFuture.failedFuture(new IllegalStateException("the application is stopping"));
        }
        Pending pending = new Pending(events, new CompletableFuture<>());
        startWriter();
        synchronized (this) {
            queue.add(pending);
            queuedRows += events.size();
            notifyAll();
        }
        return pending.done;
    }

    private synchronized void startWriter() {
        if (writers.isEmpty()) {
            for (int i = 0; i < WRITERS; i++) {
                Thread writer = new Thread(this::run, "event-writer-" + i);
                writer.setDaemon(true);
                writer.start();
                writers.add(writer);
            }
        }
    }

    /** Writes what is queued, group after group, until the application stops (then writes what is left). */
    private void run() {
        while (true) {
            List<Pending> group;
            try {
                group = takeGroup();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (group == null) {
                return;
            }
            try {
                writeGroup(group);
            } catch (RuntimeException | Error e) {
                // a writer that died here would leave every later request waiting for an answer
                LOG.error("event writer failed; it carries on with the next group", e);
            } finally {
                synchronized (this) {
                    inFlight--;
                    notifyAll();
                }
            }
        }
    }

    /**
     * The next group: everything queued, up to MAX_ROWS. A second write starts alongside one in flight
     * only once enough has queued to be worth a statement of its own; otherwise the events wait for the
     * write in flight to end and go with the next one. Null once stopping with nothing left.
     */
    private synchronized List<Pending> takeGroup() throws InterruptedException {
        while (queue.isEmpty() || (inFlight > 0 && queuedRows < MIN_ROWS_ALONGSIDE)) {
            if (stopping && queue.isEmpty()) {
                return null;
            }
            wait(200);
        }
        List<Pending> group = new ArrayList<>();
        int rows = 0;
        Pending next;
        while ((next = queue.peek()) != null && (group.isEmpty() || rows + next.events.size() <= MAX_ROWS)) {
            group.add(queue.poll());
            rows += next.events.size();
        }
        queuedRows -= rows;
        inFlight++;
        return group;
    }

    /** Writes a group in one statement and completes each of its requests with its own outcomes. */
    private void writeGroup(List<Pending> group) {
        Map<UUID, StoredEvent> distinct = new LinkedHashMap<>();
        Map<Pending, List<UUID>> repeats = new HashMap<>();
        for (Pending pending : group) {
            for (StoredEvent event : pending.events) {
                if (distinct.putIfAbsent(event.eventId(), event) != null) {
                    repeats.computeIfAbsent(pending, p -> new ArrayList<>()).add(event.eventId());
                }
            }
        }
        try {
            Map<UUID, String> written = store.store(new ArrayList<>(distinct.values()), clock.instant());
            for (Pending pending : group) {
                Map<UUID, String> outcomes = new HashMap<>();
                for (StoredEvent event : pending.events) {
                    outcomes.put(event.eventId(), written.get(event.eventId()));
                }
                for (UUID repeat : repeats.getOrDefault(pending, List.of())) {
                    outcomes.put(repeat, EventOutcome.DUPLICATE_EVENT_ID);
                }
                // cheap for the writer: each request's own I/O thread writes its answer
                pending.done.complete(outcomes);
            }
        } catch (RuntimeException | Error e) {
            // whatever failed, each request of the group gets its answer (an error) instead of waiting forever
            group.forEach(pending -> pending.done.completeExceptionally(e));
        }
    }

    /** Stops taking events and writes what is queued before the application goes away. */
    @PreDestroy
    void stop() {
        stopping = true;
        List<Thread> running;
        synchronized (this) {
            running = List.copyOf(writers);
        }
        for (Thread writer : running) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
