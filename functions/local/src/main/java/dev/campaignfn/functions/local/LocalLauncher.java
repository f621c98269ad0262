package dev.campaignfn.functions.local;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The main job: every function's routes in one process. Before Quarkus starts it provides what
 * Quarkus's configuration then points at: the embedded PostgreSQL (unless a database URL is given)
 * the key pair of the launcher's own tokens and the key sealing the integrations' secrets, all kept in the data
 * directory.
 */
@QuarkusMain
public class LocalLauncher {

    public static void main(String... args) {
        java.nio.file.Path dataDir = LocalSettings.dataDir();
        System.setProperty(LocalSettings.DATA_DIR_PROPERTY, dataDir.toAbsolutePath().toString());
        LocalKeys.ensure(dataDir.resolve("jwt"));
        if (System.getenv("CAMPAIGNFN_INTEGRATIONS_SECRET_KEY") == null && System.getProperty("campaignfn.integrations.secret-key") == null) {
            System.setProperty("campaignfn.integrations.secret-key", LocalKeys.integrationsKey(dataDir.resolve("integrations.key")));
        }
        if (LocalSettings.databaseUrl() == null) {
            EmbeddedDatabase database = EmbeddedDatabase.start(dataDir.resolve("pgdata"), LocalSettings.databasePort());
            System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
            System.setProperty("quarkus.datasource.username", EmbeddedDatabase.USER);
            System.setProperty("quarkus.datasource.password", EmbeddedDatabase.PASSWORD);
        }
        Quarkus.run(args);
    }
}
