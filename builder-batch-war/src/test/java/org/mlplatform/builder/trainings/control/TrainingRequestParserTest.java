package org.mlplatform.builder.trainings.control;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrainingRequestParserTest {

    @Test
    void readsStringsAndNumbersAsJobParameters() {
        Map<String, String> parameters = TrainingRequestParser.parse("""
                {"model": "m", "trainData": "a.csv", "C": 0.5, "cvFolds": 3, "seed": 7, "scaler": null}""");
        assertEquals(Map.of("model", "m", "trainData", "a.csv", "C", "0.5", "cvFolds", "3", "seed", "7"), parameters);
    }

    @Test
    void writesWholeNumbersWithoutAFraction() {
        Map<String, String> parameters = TrainingRequestParser.parse("{\"cvFolds\": 5.0, \"maxIter\": 1e3, \"tol\": 1e-8, \"C\": 0.10}");
        assertEquals("5", parameters.get("cvFolds"));
        assertEquals("1000", parameters.get("maxIter"));
        assertEquals(1e-8, Double.parseDouble(parameters.get("tol")));
        assertEquals(0.1, Double.parseDouble(parameters.get("C")));
    }

    @Test
    void keepsHugeExponentsAsWritten() {
        Map<String, String> parameters = TrainingRequestParser.parse("{\"C\": 1e999999999, \"maxIter\": 1e40}");
        assertEquals(Double.POSITIVE_INFINITY, Double.parseDouble(parameters.get("C")));
        assertEquals(1e40, Double.parseDouble(parameters.get("maxIter")));
    }

    @Test
    void keepsFractionsSoThatIntegerOptionsCanRefuseThem() {
        Map<String, String> parameters = TrainingRequestParser.parse("{\"maxIter\": 1.5, \"cvFolds\": 4.9}");
        assertEquals("1.5", parameters.get("maxIter"));
        assertEquals("4.9", parameters.get("cvFolds"));
    }

    @Test
    void refusesAnExponentBeyondWhatANumberCanHold() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> TrainingRequestParser.parse("{\"seed\": 1e2147483648}"));
        assertEquals("seed", e.field());
    }

    @Test
    void refusesJsonNestedDeeperThanAThousandLevelsAsMalformedWithoutRecursing() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        MalformedBodyException member = assertThrows(MalformedBodyException.class,
                () -> TrainingRequestParser.parse("{\"model\": " + deep + "}"));
        assertEquals("model", member.field());
        assertEquals("member model must be a string or a number, not an array", member.getMessage());
        MalformedBodyException document = assertThrows(MalformedBodyException.class,
                () -> TrainingRequestParser.parse(deep));
        assertEquals("body", document.field());
        MalformedBodyException part = assertThrows(MalformedBodyException.class,
                () -> TrainingRequestParser.parse("{\"model\": " + "{\"a\": ".repeat(5_000), "parameters"));
        assertEquals("model", part.field());
    }

    @Test
    void refusesContentAfterTheObject() {
        for (String body : new String[] {"{\"model\": \"m\"} garbage", "{\"model\": \"m\"}{\"model\": \"n\"}",
                "{\"model\": \"m\"} 1"}) {
            MalformedBodyException e = assertThrows(MalformedBodyException.class, () -> TrainingRequestParser.parse(body));
            assertEquals("body", e.field(), body);
        }
        assertEquals(Map.of("model", "m"), TrainingRequestParser.parse(" {\"model\": \"m\"}\r\n "));
    }

    @Test
    void refusesAMemberGivenTwice() {
        MalformedBodyException e = assertThrows(MalformedBodyException.class,
                () -> TrainingRequestParser.parse("{\"C\": 1, \"model\": \"m\", \"C\": 2}"));
        assertEquals("member C is given twice", e.getMessage());
        MalformedBodyException part = assertThrows(MalformedBodyException.class,
                () -> TrainingRequestParser.parse("{\"C\": 1, \"C\": 1}", "parameters"));
        assertEquals("parameters", part.field());
    }

    @Test
    void refusesUnknownOptionNamingIt() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> TrainingRequestParser.parse("{\"model\": \"m\", \"learningRate\": 0.1}"));
        assertEquals("learningRate", e.field());
        assertEquals("unknown option learningRate", e.getMessage());
    }

    @Test
    void refusesOptionNamesInAnotherCase() {
        assertEquals("c", assertThrows(InvalidRequestException.class,
                () -> TrainingRequestParser.parse("{\"c\": 1}")).field());
    }

    @Test
    void refusesMalformedJson() {
        assertEquals("body", assertThrows(InvalidRequestException.class,
                () -> TrainingRequestParser.parse("{\"model\": ")).field());
    }

    @Test
    void refusesEmptyBody() {
        assertEquals("body", assertThrows(InvalidRequestException.class,
                () -> TrainingRequestParser.parse("")).field());
    }

    @Test
    void refusesAJsonArray() {
        assertEquals("body", assertThrows(InvalidRequestException.class,
                () -> TrainingRequestParser.parse("[1, 2]")).field());
    }

    @Test
    void refusesNestedValues() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> TrainingRequestParser.parse("{\"C\": [1, 2]}"));
        assertEquals("C", e.field());
    }
}
