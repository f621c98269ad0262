package dev.campaignfn.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Reads the database behind the API, to check what a request did (or did not) write. */
public final class Rows {

    private final DataSource dataSource;

    public Rows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The single value of a query, such as a count. */
    public Object value(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getObject(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long count(String table) {
        return ((Number) value("select count(*) from " + table)).longValue();
    }

    /** Counts of the tables a write could touch, to compare before and after a refused request. */
    public String snapshot() {
        StringBuilder counts = new StringBuilder();
        for (String table : new String[] { "campaigns", "campaign_channels", "campaign_transitions", "channel_allocations",
                "spend_entries", "campaign_kpis", "campaign_content", "channel_benchmarks", "audit_log" }) {
            counts.append(table).append('=').append(count(table)).append(' ');
        }
        counts.append("versions=").append(value("select coalesce(sum(version), 0) from campaigns"));
        counts.append(" spend=").append(value("select coalesce(sum(actual_spend), 0) from campaigns"));
        counts.append(" allocated=").append(value("select coalesce(sum(allocated), 0) from channel_allocations"));
        return counts.toString();
    }
}
