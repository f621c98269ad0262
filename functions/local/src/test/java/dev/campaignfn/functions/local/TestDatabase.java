package dev.campaignfn.functions.local;

import dev.campaignfn.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of this module runs against a real, migrated PostgreSQL, with the launcher's token keys in place. */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestKeys.class, scope = TestResourceScope.GLOBAL)
public class TestDatabase {
}
