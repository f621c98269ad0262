package dev.campaignfn.functions.exports;

import dev.campaignfn.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of this module runs against a real, migrated PostgreSQL. */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
public class TestDatabase {
}
