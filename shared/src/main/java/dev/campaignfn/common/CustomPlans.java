package dev.campaignfn.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.postgresql.PGStatement;

/**
 * Report statements planned for their actual values every time they run. After a few executions the
 * driver prepares a statement on the server, and PostgreSQL may then reuse one generic plan that
 * guesses at the values: for "events after the watermark" it guesses a third of the table and reads
 * the wrong index, and for a campaign's few ledger entries it scans them all. Planning a report
 * statement costs a fraction of a millisecond; a wrong plan costs several.
 */
public final class CustomPlans {

    private CustomPlans() {
    }

    public static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }
}
