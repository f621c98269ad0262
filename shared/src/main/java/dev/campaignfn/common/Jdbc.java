package dev.campaignfn.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

/**
 * The one way plain JDBC failures leave the domain (docs/architecture.md, "Data access"): every
 * {@code catch (SQLException e)} rethrows {@link #failure}, which sorts the failure by its SQLState into
 * what the caller can act on, instead of one {@code IllegalStateException} (a 500) for everything.
 */
public final class Jdbc {

    private Jdbc() {
    }

    /** Runs an update; answers the rows it changed. {@code what} says what was being done, for the exception. */
    public static int update(DataSource dataSource, String what, String sql, Object... values) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * The domain's exception for a failed statement; {@code what} completes "could not ...".
     * <ul>
     * <li>the database out of reach (class 08 connection exceptions, 57P shutdown or start-up, 57014 a statement
     * cancelled by its timeout, 53 insufficient resources, the pool's acquisition timeout):
     * {@link DatabaseUnavailableException}, answered 503 with Retry-After;</li>
     * <li>a concurrent writer won (23505 unique and 23503 foreign key violations the service had checked before,
     * 40001 serialization failure, 40P01 deadlock): {@link ConflictException} {@code concurrent_modification},
     * answered 409, safe to retry;</li>
     * <li>anything else is a defect here (bad SQL, a data exception the service should have refused first):
     * {@link IllegalStateException}, answered 500 with an error id and logged.</li>
     * </ul>
     */
    public static RuntimeException failure(String what, SQLException e) {
        String state = e.getSQLState();
        if (unavailable(e)) {
            return new DatabaseUnavailableException("could not " + what + ": the database is unavailable", e);
        }
        if (state != null && (state.equals("23505") || state.equals("23503") || state.equals("40001") || state.equals("40P01"))) {
            ConflictException conflict = new ConflictException("concurrent_modification",
                    "could not " + what + ": a concurrent change won; reload and retry");
            conflict.initCause(e);
            return conflict;
        }
        return new IllegalStateException("could not " + what, e);
    }

    /** Whether the failure says the database cannot be reached just now, rather than anything about the request. */
    public static boolean unavailable(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // Agroal's acquisition timeout has no SQLState
            return e.getMessage() != null && e.getMessage().startsWith("Acquisition timeout");
        }
        return state.startsWith("08") || state.startsWith("57P") || state.equals("57014") || state.startsWith("53");
    }

    /** A nullable timestamp column as an instant. */
    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
