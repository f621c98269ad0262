package dev.campaignfn.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

/** A single statement with positional parameters, on its own connection (or the caller's transaction's). */
public final class Jdbc {

    private Jdbc() {
    }

    /** Runs an update; answers the rows it changed. {@code what} says what failed, for the exception. */
    public static int update(DataSource dataSource, String what, String sql, Object... values) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not " + what, e);
        }
    }
}
