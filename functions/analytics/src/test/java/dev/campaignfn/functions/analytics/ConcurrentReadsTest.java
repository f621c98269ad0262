package dev.campaignfn.functions.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.campaignfn.common.ConcurrentReads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Side-by-side reads: on another thread outside a transaction, on the transaction's own connection inside one. */
@QuarkusTest
class ConcurrentReadsTest {

    @Inject
    DataSource dataSource;

    @Test
    void outsideATransactionTheReadRunsOnAnotherThreadAndItsFailureReachesTheCaller() {
        assertNotSame(Thread.currentThread(), ConcurrentReads.start(Thread::currentThread).get());
        var failed = ConcurrentReads.start(() -> {
            throw new IllegalStateException("could not read");
        });
        assertEquals("could not read", assertThrows(IllegalStateException.class, failed::get).getMessage());
    }

    @Test
    void insideATransactionTheReadSeesTheTransactionsOwnWrites() {
        QuarkusTransaction.begin();
        try {
            // a temporary table exists only on the connection that made it: the transaction's
            execute("create temporary table concurrent_reads_probe (n int) on commit drop");
            execute("insert into concurrent_reads_probe values (1), (2)");
            assertSame(Thread.currentThread(), ConcurrentReads.start(Thread::currentThread).get());
            assertEquals(2L, ConcurrentReads.start(() -> count("select count(*) from concurrent_reads_probe")).get());
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
