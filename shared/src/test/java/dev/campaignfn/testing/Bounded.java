package dev.campaignfn.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every wait in a test ends. An answer that has not come within {@link #LIMIT} fails the test with the
 * stack of every thread of the test JVM, so a lost completion or a stuck lock shows up as a failure
 * that says where each thread was, instead of a build that hangs until CI gives up on it.
 */
public final class Bounded {

    /** Far beyond any answer these tests wait for (the slowest take a few seconds on two cores). */
    public static final Duration LIMIT = Duration.ofMinutes(2);

    private Bounded() {
    }

    /** The stage's result; its failure is rethrown as {@link #answer(Future)} does. */
    public static <T> T answer(CompletionStage<T> stage) {
        return answer(stage.toCompletableFuture());
    }

    /** A CompletableFuture is both a stage and a future: this overload settles which. */
    public static <T> T answer(CompletableFuture<T> future) {
        return answer((Future<T>) future);
    }

    /** The future's result; its failure is rethrown (unchecked as it is, otherwise wrapped). */
    public static <T> T answer(Future<T> future) {
        try {
            return future.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw hung("a result", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    /** The failure for a wait that did not end: what was awaited, and every thread's stack at that moment. */
    public static AssertionError hung(String awaited, Throwable cause) {
        StringBuilder dump = new StringBuilder("no answer for " + awaited + " within " + LIMIT + "; the threads were:\n");
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
            if (thread.getLockName() != null) {
                dump.append(" on ").append(thread.getLockName());
            }
            if (thread.getLockOwnerName() != null) {
                dump.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
            }
            dump.append('\n');
            for (StackTraceElement frame : thread.getStackTrace()) {
                dump.append("    at ").append(frame).append('\n');
            }
        }
        // also on the console: surefire's report keeps the message, the CI log keeps the console
        System.err.println(dump);
        return new AssertionError(dump.toString(), cause);
    }
}
