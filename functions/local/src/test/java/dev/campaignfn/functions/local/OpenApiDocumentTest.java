package dev.campaignfn.functions.local;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed openapi.yaml (what clients are generated from) is the document the code describes.
 * When this fails after a change to the API: {@code ./mvnw -B package -DskipTests} and
 * {@code cp functions/local/target/openapi/openapi.yaml openapi.yaml}, then review the diff.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("../../openapi.yaml");

    @Test
    void theCommittedDocumentIsTheCodes() throws Exception {
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        // compared as trees: the generator does not keep the order of a schema's keywords between runs
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        String difference = difference("", yaml.readTree(served), yaml.readTree(Files.readString(COMMITTED)));
        if (difference != null) {
            throw new AssertionError("openapi.yaml drifted from the code at " + difference
                    + ". Regenerate: ./mvnw -B package -DskipTests && cp functions/local/target/openapi/openapi.yaml openapi.yaml");
        }
    }

    /** The first place where the code's document and the file differ, or null. */
    static String difference(String at, JsonNode code, JsonNode file) {
        if (code == null || file == null || code.getNodeType() != file.getNodeType()) {
            return at + " (code: " + code + ", file: " + file + ")";
        }
        if (code.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            code.fieldNames().forEachRemaining(names::add);
            file.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String found = difference(at + "/" + name, code.get(name), file.get(name));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (code.isArray()) {
            if (code.size() != file.size()) {
                return at + " (code has " + code.size() + " items, the file " + file.size() + ")";
            }
            for (int i = 0; i < code.size(); i++) {
                String found = difference(at + "/" + i, code.get(i), file.get(i));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return code.equals(file) ? null : at + " (code: " + code + ", file: " + file + ")";
    }

    @Test
    void everyOperationHasAStableIdAndEveryErrorAProblemBody() throws Exception {
        List<String> lines = Files.readAllLines(COMMITTED);
        List<String> ids = new ArrayList<>();
        for (String line : lines) {
            if (line.strip().startsWith("operationId:")) {
                ids.add(line.strip().substring("operationId:".length()).strip());
            }
        }
        assertEquals(ids.size(), ids.stream().distinct().count(), "operationIds are unique");
        long operations = lines.stream().filter(l -> l.matches("    (get|post|put|delete|patch):")).count();
        assertEquals(operations, ids.size(), "every operation has an operationId");
        assertTrue(Files.readString(COMMITTED).contains("application/problem+json"));
        // validators check multipleOf in binary floating point and would refuse 0.07 as a multiple of 0.01
        assertTrue(lines.stream().noneMatch(l -> l.strip().startsWith("multipleOf:")), "no multipleOf on decimals");
    }
}
