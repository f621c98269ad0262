package dev.campaignfn.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Event ids and ledger seqs come from sequences, but transactions commit out of order: id 100 can
 * become visible after id 101. Every insert of events or ledger entries holds this advisory lock in
 * shared mode until it commits; whoever needs "every id up to N is committed" (the rollup fold, the
 * live stream) takes it exclusively for an instant, reads the sequences, and lets go. No insert is in
 * flight at that instant, so every id up to each sequence's value is settled: committed, or rolled
 * back for good.
 */
public final class EventFence {

    /** The advisory lock key (any bigint; this one is hashtext('campaign_events')). */
    public static final long KEY = 4_203_177_015L;

    /** What an insert runs, in its transaction, before it draws an id or seq. */
    public static final String ENTER = "select pg_advisory_xact_lock_shared(" + KEY + ")";

    /** The highest settled event id and ledger seq. */
    public record Settled(long eventId, long spendSeq) {
    }

    private EventFence() {
    }

    /** The highest settled event id. */
    public static long settledId(Connection connection) throws SQLException {
        return settled(connection).eventId();
    }

    /** The highest settled event id and ledger seq; takes and releases the fence in a transaction of its own. */
    public static Settled settled(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_xact_lock(" + KEY + ")");
            Settled settled;
            try (ResultSet sequences = statement.executeQuery("""
                    select (select case when is_called then last_value else 0 end from campaign_events_id_seq),
                           (select case when is_called then last_value else 0 end from spend_entries_seq_seq)""")) {
                sequences.next();
                settled = new Settled(sequences.getLong(1), sequences.getLong(2));
            }
            connection.commit();
            return settled;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
