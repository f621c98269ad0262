package dev.campaignfn.functions.local;

import java.nio.file.Path;

/**
 * What the launcher needs to know before Quarkus starts (and so before its configuration exists):
 * read from environment variables and system properties only.
 */
final class LocalSettings {

    static final String DATA_DIR_ENV = "CAMPAIGNFN_DATA_DIR";
    static final String DATA_DIR_PROPERTY = "campaignfn.local.data-dir";
    static final String DB_PORT_ENV = "CAMPAIGNFN_LOCAL_DB_PORT";

    private LocalSettings() {
    }

    /** Where the embedded database and the token keys live; survives restarts. */
    static Path dataDir() {
        String configured = setting(DATA_DIR_ENV, DATA_DIR_PROPERTY);
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".campaign-functions");
    }

    /** A database URL given by the user (environment or system property), if any. */
    static String databaseUrl() {
        return setting("QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.jdbc.url");
    }

    static int databasePort() {
        String port = setting(DB_PORT_ENV, "campaignfn.local.db-port");
        return port == null ? 0 : Integer.parseInt(port);
    }

    static String setting(String env, String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
