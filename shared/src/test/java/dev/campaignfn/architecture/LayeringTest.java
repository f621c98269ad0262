package dev.campaignfn.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

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

    /** The layers, top first, and their packages (docs/architecture.md draws the same). */
    private static final Map<String, List<String>> LAYERS = layers(
            "jobs", List.of("automation", "report"),
            "ad platforms", List.of("adplatform"),
            "alerts", List.of("alert"),
            "integrations", List.of("integration"),
            "exports", List.of("export"),
            "analytics", List.of("analytics"),
            "lifecycle", List.of("lifecycle"),
            "kpis", List.of("kpi"),
            "read model", List.of("rollup"),
            "links", List.of("link"),
            "ingestion", List.of("tracking"),
            "write side", List.of("budget", "content", "plan"),
            "aggregate", List.of("campaign"),
            "foundation", List.of("metrics", "audit", "security"),
            "common", List.of("common"));

    @Test
    void everyImportPointsDown() {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        List<String> names = new ArrayList<>(LAYERS.keySet());
        for (String name : names) {
            architecture = architecture.layer(name).definedBy(LAYERS.get(name).stream().map(p -> "dev.campaignfn." + p + "..")
                    .toArray(String[]::new));
        }
        architecture = architecture.whereLayer(names.get(0)).mayNotBeAccessedByAnyLayer();
        for (int i = 1; i < names.size(); i++) {
            // each layer is reached only from the layers above it
            architecture = architecture.whereLayer(names.get(i)).mayOnlyBeAccessedByLayers(names.subList(0, i).toArray(String[]::new));
        }
        architecture.check(domain);
    }

    private static Map<String, List<String>> layers(Object... namesAndPackages) {
        Map<String, List<String>> layers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndPackages.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> packages = (List<String>) namesAndPackages[i + 1];
            layers.put((String) namesAndPackages[i], packages);
        }
        return layers;
    }
}
