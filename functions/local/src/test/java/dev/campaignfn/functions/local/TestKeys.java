package dev.campaignfn.functions.local;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Makes the token key pair where the test profile's data directory says, as the launcher's main does. */
public class TestKeys implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        LocalKeys.ensure(Path.of("target/local-test-data/jwt"));
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
