package dev.campaignfn.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.IndexReader;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every {@link WireEnum} is registered for reflection: Jackson finds its {@code wire()} spelling by reflection, and a
 * native image writes an unregistered enum by its constant's name wherever the REST layer did not register the type
 * (a queued export's query read back by another function failed that way).
 */
class WireEnumRegistrationTest {

    @Test
    void everyWireEnumIsRegisteredForReflection() throws Exception {
        Index index;
        try (InputStream in = WireEnum.class.getResourceAsStream("/META-INF/jandex.idx")) {
            index = new IndexReader(in).read();
        }
        DotName registered = DotName.createSimple(RegisterForReflection.class);
        List<ClassInfo> enums = index.getAllKnownImplementors(DotName.createSimple(WireEnum.class)).stream().toList();
        assertTrue(enums.size() >= 20, () -> "the index lists only " + enums.size() + " WireEnum types: " + enums);
        List<String> missing = enums.stream().filter(type -> type.declaredAnnotation(registered) == null).map(type -> type.name().toString())
                .sorted().toList();
        assertEquals(List.of(), missing, "WireEnum types without @RegisterForReflection");
        assertTrue(index.getClassByName(WireEnum.class).declaredAnnotation(registered) != null, "WireEnum itself declares wire()");
    }
}
