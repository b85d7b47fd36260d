package org.mlplatform.builder.documentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mlplatform.pipeline.options.TrainingOption;
import org.yaml.snakeyaml.Yaml;

/** The training request schema of META-INF/openapi.yaml says what the code does: options, defaults, allowed values. */
class OpenApiDocumentTest {

    @Test
    void trainingRequestSchemaListsEveryOptionOfTheTableWithItsDefaultAndChoices() throws IOException {
        Map<String, Map<String, Object>> properties = properties("TrainingRequest");
        assertEquals(Arrays.stream(TrainingOption.values()).map(TrainingOption::key).collect(Collectors.toSet()), properties.keySet());

        for (TrainingOption option : TrainingOption.values()) {
            Object documented = properties.get(option.key()).get("default");
            Object value = option.parse(null);
            if (value instanceof Number number) {
                assertEquals(number.doubleValue(), ((Number) documented).doubleValue(), option.key());
            } else if (value instanceof Enum<?> choice) {
                assertEquals(lower(choice), documented, option.key());
                assertEquals(choices(choice.getDeclaringClass().getEnumConstants()),
                        Set.copyOf((List<?>) properties.get(option.key()).get("enum")), option.key());
            } else {
                assertNull(documented, option.key() + " has no default");
            }
        }
    }

    @Test
    void uploadSchemaTakesTheDataFilesAsFilesAndEveryOtherOptionAsAField() throws IOException {
        Map<String, Map<String, Object>> properties = properties("TrainingUpload");
        for (String file : List.of("trainData", "trainLabels", "testData", "testLabels")) {
            assertEquals("binary", properties.get(file).get("format"), file + " is a file chooser in the UI");
        }
        Set<String> expected = Arrays.stream(TrainingOption.values()).map(TrainingOption::key).collect(Collectors.toSet());
        expected.add("parameters");
        assertEquals(expected, properties.keySet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> properties(String schema) throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            assertNotNull(in, "META-INF/openapi.yaml on the class path");
            Map<String, Object> document = new Yaml().load(in);
            Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
            return (Map<String, Map<String, Object>>) ((Map<String, Object>) schemas.get(schema)).get("properties");
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static Set<String> choices(Enum<?>[] values) {
        return Arrays.stream(values).map(OpenApiDocumentTest::lower).collect(Collectors.toSet());
    }
}
