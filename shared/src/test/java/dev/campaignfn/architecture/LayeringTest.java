package dev.campaignfn.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The domain module's packages form layers whose dependencies only point down (docs/architecture.md
 * draws them). Checked on the compiled classes, so a field type, a call or a signature that reaches up
 * fails the build, not only an import line.
 */
class LayeringTest {

    private static JavaClasses domain;

    @BeforeAll
    static void importDomain() {
        domain = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.campaignfn");
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.campaignfn.(*)..").should().beFreeOfCycles().check(domain);
    }

    @Test
    void everyImportPointsDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("jobs").definedBy("dev.campaignfn.automation..", "dev.campaignfn.report..")
                .layer("alerts").definedBy("dev.campaignfn.alert..")
                .layer("exports").definedBy("dev.campaignfn.export..")
                .layer("analytics").definedBy("dev.campaignfn.analytics..")
                .layer("lifecycle").definedBy("dev.campaignfn.lifecycle..")
                .layer("kpis").definedBy("dev.campaignfn.kpi..")
                .layer("read model").definedBy("dev.campaignfn.rollup..")
                .layer("links").definedBy("dev.campaignfn.link..")
                .layer("ingestion").definedBy("dev.campaignfn.tracking..")
                .layer("write side").definedBy("dev.campaignfn.budget..", "dev.campaignfn.content..",
                        "dev.campaignfn.plan..")
                .layer("aggregate").definedBy("dev.campaignfn.campaign..")
                .layer("foundation").definedBy("dev.campaignfn.metrics..", "dev.campaignfn.audit..",
                        "dev.campaignfn.security..")
                .layer("common").definedBy("dev.campaignfn.common..")

                .whereLayer("jobs").mayNotBeAccessedByAnyLayer()
                .whereLayer("alerts").mayOnlyBeAccessedByLayers("jobs")
                .whereLayer("exports").mayOnlyBeAccessedByLayers("jobs")
                .whereLayer("analytics").mayOnlyBeAccessedByLayers("exports", "alerts", "jobs")
                .whereLayer("lifecycle").mayOnlyBeAccessedByLayers("analytics", "exports", "alerts", "jobs")
                .whereLayer("kpis").mayOnlyBeAccessedByLayers("lifecycle", "analytics", "exports", "alerts", "jobs")
                .whereLayer("read model").mayOnlyBeAccessedByLayers("kpis", "lifecycle", "analytics", "exports",
                        "alerts", "jobs")
                .whereLayer("links").mayOnlyBeAccessedByLayers("read model", "kpis", "lifecycle", "analytics",
                        "exports", "alerts", "jobs")
                .whereLayer("ingestion").mayOnlyBeAccessedByLayers("links", "read model", "kpis", "lifecycle",
                        "analytics", "exports", "alerts", "jobs")
                .whereLayer("write side").mayOnlyBeAccessedByLayers("ingestion", "links", "read model", "kpis",
                        "lifecycle", "analytics", "exports", "alerts", "jobs")
                .whereLayer("aggregate").mayOnlyBeAccessedByLayers("write side", "ingestion", "links", "read model",
                        "kpis", "lifecycle", "analytics", "exports", "alerts", "jobs")
                .whereLayer("foundation").mayOnlyBeAccessedByLayers("aggregate", "write side", "ingestion", "links",
                        "read model", "kpis", "lifecycle", "analytics", "exports", "alerts", "jobs")
                .check(domain);
    }
}
