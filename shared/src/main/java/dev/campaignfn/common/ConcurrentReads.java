package dev.campaignfn.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Independent report reads run side by side, each on its own pooled connection, so a report waits for
 * its slowest statement instead of the sum of them (the database answers them in parallel). Only
 * outside a transaction: a transaction's reads must see its own writes, which only its own connection
 * does, so inside one the read runs at once on the caller's thread.
 * <p>
 * No read holds a connection while it waits for another, so a pool smaller than the number of reads in
 * flight (a Lambda function's two connections) makes them queue, never deadlock.
 */
public final class ConcurrentReads {

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Idle threads end after a minute; reads are short and few per request. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "report-read-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private ConcurrentReads() {
    }

    /** Starts the read; the returned supplier gives its result (or throws its exception) when asked. */
    public static <T> Supplier<T> start(Supplier<T> read) {
        if (QuarkusTransaction.isActive()) {
            T result = read.get();
            return () -> result;
        }
        CompletableFuture<T> running = CompletableFuture.supplyAsync(read, READERS);
        return () -> {
            try {
                return running.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        };
    }
}
