package dev.campaignfn.tracking;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Event ids come from one sequence, but transactions commit out of order: id 100 can become visible
 * after id 101. Every insert holds this advisory lock in shared mode until it commits; whoever needs
 * "every id up to N is committed" (the rollup fold, the live stream) takes it exclusively for an
 * instant, reads the sequence, and lets go. No insert is in flight at that instant, so every id up to
 * the sequence's value is settled: committed, or rolled back for good.
 */
public final class EventFence {

    /** The advisory lock key (any bigint; this one is hashtext('campaign_events')). */
    public static final long KEY = 4_203_177_015L;

    private EventFence() {
    }

    /** The highest settled event id; takes and releases the fence in a transaction of its own. */
    public static long settledId(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_xact_lock(" + KEY + ")");
            long settled;
            try (ResultSet sequence = statement.executeQuery(
                    "select case when is_called then last_value else 0 end from campaign_events_id_seq")) {
                sequence.next();
                settled = sequence.getLong(1);
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
