package org.mlplatform.builder.documentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mlplatform.builder.trainings.entity.JobParameter;
import org.mlplatform.pipeline.TrainingParameters;
import org.mlplatform.pipeline.preprocessing.Resampling;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.training.ClassWeight;
import org.yaml.snakeyaml.Yaml;

/** The training request schema of META-INF/openapi.yaml says what the code does: options, defaults, allowed values. */
class OpenApiDocumentTest {

    @Test
    void trainingRequestSchemaListsEveryJobParameterWithTheCodesDefaultsAndChoices() throws IOException {
        Map<String, Map<String, Object>> properties = properties("TrainingRequest");
        assertEquals(Arrays.stream(JobParameter.values()).map(JobParameter::key).collect(Collectors.toSet()), properties.keySet());

        TrainingParameters defaults = TrainingParameters.defaults();
        assertEquals(defaults.c(), number(properties, "C"));
        assertEquals(defaults.tol(), number(properties, "tol"));
        assertEquals(defaults.maxIter(), number(properties, "maxIter").intValue());
        assertEquals(defaults.cvFolds(), number(properties, "cvFolds").intValue());
        assertEquals(defaults.seed(), number(properties, "seed").longValue());
        assertEquals(lower(defaults.classWeight()), properties.get("classWeight").get("default"));
        assertEquals(lower(defaults.scaler()), properties.get("scaler").get("default"));
        assertEquals(lower(defaults.resample()), properties.get("resample").get("default"));

        assertEquals(choices(ClassWeight.values()), Set.copyOf((List<?>) properties.get("classWeight").get("enum")));
        assertEquals(choices(ScalerKind.values()), Set.copyOf((List<?>) properties.get("scaler").get("enum")));
        assertEquals(choices(Resampling.values()), Set.copyOf((List<?>) properties.get("resample").get("enum")));
    }

    @Test
    void uploadSchemaTakesTheDataFilesAsFilesAndEveryOtherOptionAsAField() throws IOException {
        Map<String, Map<String, Object>> properties = properties("TrainingUpload");
        for (String file : List.of("trainData", "trainLabels", "testData", "testLabels")) {
            assertEquals("binary", properties.get(file).get("format"), file + " is a file chooser in the UI");
        }
        Set<String> expected = Arrays.stream(JobParameter.values()).map(JobParameter::key).collect(Collectors.toSet());
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

    private static Double number(Map<String, Map<String, Object>> properties, String name) {
        return ((Number) properties.get(name).get("default")).doubleValue();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static Set<String> choices(Enum<?>[] values) {
        return Arrays.stream(values).map(OpenApiDocumentTest::lower).collect(Collectors.toSet());
    }
}
