package org.mlplatform.inference.predictions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * The byte scanners ({@link InstancesScanner}, {@link CsvRowsScanner}) against the JSON-P and RFC 4180
 * readings they stand in front of: over random and edge-case numbers and malformed bodies, the
 * readers answer the same float bits, or the same error (status, title, message, row, column).
 */
class ScannedBodiesTest {

    private static final int COLUMNS = 3;
    private static final RequestLimits LIMITS = new RequestLimits(50, 1 << 20);
    private final JsonInstancesReader json = new JsonInstancesReader(LIMITS);
    private final CsvInstancesReader csv = new CsvInstancesReader(LIMITS);

    /** Numbers as clients write them: edge cases first, then random ones in many forms. */
    private static List<String> numbers(long seed, int count) {
        List<String> numbers = new ArrayList<>(List.of("0", "-0", "0.0", "-0.0", "0e0", "-0E-0", "1", "-1", "1.5e3", "1.5E+3",
                "2e-3", "123456789012345678901234567890", "0.000000000000000000000000000000000000000000001401298464324817",
                "1.4e-45", "7e-46", "7.1e-46", "1e-50", "1.17549435e-38", "1.1754942e-38", "3.4028235e38", "3.4028235677973366e38",
                "3.4028236e38", "1e38", "1e39", "-1e39", "3.4028234663852886e38", "0.1", "0.30000000000000004", "16777217",
                "16777216.5", "1.00000005960464477539", "1.0000000596046448", "8.589973e9", "4.3e-44", "100e-2",
                "9999999999999999999999e-30", "1e308", "1e309", "1e-400"));
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            String text = switch (i % 6) {
                case 0 -> Float.toString(Float.intBitsToFloat(random.nextInt()));
                case 1 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(80) - 40));
                case 2 -> String.format(java.util.Locale.ROOT, "%.6f", random.nextGaussian() * 2);
                case 3 -> Long.toString(random.nextLong());
                case 4 -> (random.nextBoolean() ? "-" : "") + random.nextInt(10) + "." + Long.toUnsignedString(random.nextLong())
                        + "e" + (random.nextInt(90) - 45);
                default -> new java.math.BigDecimal(Float.intBitsToFloat(random.nextInt(0x7f800000))).toPlainString();
            };
            if (!text.contains("NaN") && !text.contains("Infinity")) {
                numbers.add(text.replaceFirst("^(-?)\\.", "$10."));
            }
        }
        return numbers;
    }

    @Test
    void randomAndEdgeNumbersReadToTheSameBitsAsFloatParseFloat() {
        List<String> numbers = numbers(20261201, 12_000);
        int scanned = 0;
        for (int i = 0; i + COLUMNS <= numbers.size(); i += COLUMNS) {
            List<String> row = numbers.subList(i, i + COLUMNS);
            String jsonBody = "{\"instances\": [[" + String.join(", ", row) + "]]}";
            String csvBody = String.join(",", row) + "\n";
            sameAnswer(jsonBody, this::readJson, this::readJsonWithParser);
            sameAnswer(csvBody, this::readCsv, this::readCsvRecords);
            boolean finite = row.stream().allMatch(text -> Float.isFinite(Float.parseFloat(text)));
            byte[] bytes = jsonBody.getBytes(StandardCharsets.US_ASCII);
            FeatureMatrix fast = new InstancesScanner(bytes, bytes.length, COLUMNS, LIMITS.maxRows()).scan();
            byte[] csvBytes = csvBody.getBytes(StandardCharsets.US_ASCII);
            FeatureMatrix fastCsv = new CsvRowsScanner(csvBytes, csvBytes.length, COLUMNS, LIMITS.maxRows()).scan();
            if (finite) {
                assertNotNull(fast, jsonBody);
                assertNotNull(fastCsv, csvBody);
                for (int c = 0; c < COLUMNS; c++) {
                    int expected = Float.floatToRawIntBits(Float.parseFloat(row.get(c)));
                    assertEquals(expected, Float.floatToRawIntBits(fast.values()[c]), row.get(c));
                    assertEquals(expected, Float.floatToRawIntBits(fastCsv.values()[c]), row.get(c));
                }
                scanned++;
            } else {
                assertNull(fast, "a value beyond float32 is left to the JSON-P reading and its error: " + jsonBody);
            }
        }
        assertTrue(scanned > 3_500, "most random rows take the scanner's path: " + scanned);
    }

    @Test
    void whiteSpaceLineEndsAndManyRowsReadAlike() {
        String[] jsonBodies = {
                "{\"instances\":[[1,2,3],[4,5,6]]}",
                " \r\n\t{ \"instances\" :\n[ [ 1 , 2 , 3 ] ,\r\n[4,5,6] ] }\n\t ",
                "{\"instances\": [[1, 2, 3]], \"id\": 1}",
                "{\"id\": \"x\", \"instances\": [[1, 2, 3]]}",
                "\uFEFF{\"instances\": [[1, 2, 3]]}",
                "{\"instances\": [[1, 2, 3]]}{}",
                "{\"instances\": [[1, 2, 3]]} x",
                "{\"instan\\u0063es\": [[1, 2, 3]]}",
        };
        for (String body : jsonBodies) {
            sameAnswer(body, this::readJson, this::readJsonWithParser);
        }
        StringBuilder many = new StringBuilder("{\"instances\": [");
        StringBuilder manyCsv = new StringBuilder();
        Random random = new Random(7);
        for (int r = 0; r < LIMITS.maxRows(); r++) {
            String row = random.nextGaussian() + "," + random.nextFloat() + "," + (random.nextInt(2000) - 1000);
            many.append(r == 0 ? "" : ",").append('[').append(row).append(']');
            manyCsv.append(row).append(r % 3 == 0 ? "\r\n" : "\n").append(r % 7 == 0 ? " \t \n" : "");
        }
        sameAnswer(many + "]}", this::readJson, this::readJsonWithParser);
        sameAnswer(manyCsv.toString(), this::readCsv, this::readCsvRecords);
        String[] csvBodies = {"1,2,3", "1,2,3\r", " 1 ,\t2\t, 3 \n\n4,5,6\n", "\n\n1,2,3\n \n", "1,2,3\r\n4,5,6\r\n"};
        for (String body : csvBodies) {
            sameAnswer(body, this::readCsv, this::readCsvRecords);
        }
    }

    /** Every refusal the readers had, with its row and column: the scanners leave them all to the old reading. */
    @Test
    void refusalsKeepTheirMessagesRowsAndColumns() {
        String[] jsonBodies = {
                "", " ", "[]", "{}", "{\"instances\": []}", "{\"instances\": 1}", "{\"instances\": [1, 2, 3]}",
                "{\"instances\": [[1, 2, 3], [4, 5]]}", "{\"instances\": [[1, 2, 3, 4]]}", "{\"instances\": [[1, \"2\", 3]]}",
                "{\"instances\": [[1, 2, null]]}", "{\"instances\": [[1, true, 3]]}", "{\"instances\": [[1, [2], 3]]}",
                "{\"instances\": [[1, {}, 3]]}", "{\"instances\": [[NaN, 2, 3]]}", "{\"instances\": [[1, Infinity, 3]]}",
                "{\"instances\": [[1, -Infinity, 3]]}", "{\"instances\": [[1, 1e39, 3]]}", "{\"instances\": [[1, -3.5e38, 3]]}",
                "{\"instances\": [[01, 2, 3]]}", "{\"instances\": [[1., 2, 3]]}", "{\"instances\": [[.5, 2, 3]]}",
                "{\"instances\": [[+1, 2, 3]]}", "{\"instances\": [[1e, 2, 3]]}", "{\"instances\": [[1e+, 2, 3]]}",
                "{\"instances\": [[1x, 2, 3]]}", "{\"instances\": [[1 2, 3]]}", "{\"instances\": [[1,, 3]]}",
                "{\"instances\": [[1, 2, 3],]}", "{\"instances\": [[1, 2, 3]]", "{\"instances\": [[1, 2, 3]]}}",
                "{\"instances\": [[1, 2, 3]], \"instances\": [[1, 2, 3]]}", "{\"instances\": [[0x10, 2, 3]]}",
                "{\"instances\": [[1, 2, 3]" + ",[1, 2, 3]".repeat(60) + "]}", "{'instances': [[1, 2, 3]]}",
                "{\"instances\": [[1, 2, 3]], \"x\": [" + "[".repeat(40) + "]".repeat(40) + "]}",
        };
        for (String body : jsonBodies) {
            sameAnswer(body, this::readJson, this::readJsonWithParser);
        }
        String[] csvBodies = {
                "", "\n\n", "a,b,c\n", "a,b,c\n1,2,3\n", "1,2\n", "1,2,3,4\n", "1,2,3\n4,5\n", "1,,3\n", ",,\n", "1,x,3\n",
                "1,NaN,3\n", "1,-inf,3\n", "1,+Infinity,3\n", "1,1e39,3\n", "1,1e,3\n", "1,+-1,3\n", "1,2f,3\n", "1,0x1p3,3\n",
                "1,2 3,3\n", "1,\"2\",3\n", "1,\"2,3\n", "1,2\"x\",3\n", "1,2,3\r4,5,6\n", "1,2,3\r\r\n", "\uFEFF1,2,3\n",
                "1,\u00a02,3\n", "1,2,3\n".repeat(51), "e,E,e\n", "1,2,3\n1,2,3,\n", "1;2;3\n",
        };
        for (String body : csvBodies) {
            sameAnswer(body, this::readCsv, this::readCsvRecords);
        }
    }

    private FeatureMatrix readJson(String body) {
        return json.read(stream(body), COLUMNS);
    }

    private FeatureMatrix readJsonWithParser(String body) {
        return json.readWithParser(stream(body), COLUMNS);
    }

    private FeatureMatrix readCsv(String body) {
        return csv.read(stream(body), COLUMNS, List.of());
    }

    private FeatureMatrix readCsvRecords(String body) {
        return csv.readRecords(stream(body), COLUMNS, List.of());
    }

    private static ByteArrayInputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void sameAnswer(String body, Function<String, FeatureMatrix> reading, Function<String, FeatureMatrix> before) {
        Object expected = answer(body, before);
        Object actual = answer(body, reading);
        assertEquals(expected, actual, () -> "body: " + (body.length() > 200 ? body.substring(0, 200) + "..." : body));
    }

    /** What a reading answers, comparable: the rows' float bits, or the refusal's status, title, message, row and column. */
    private static Object answer(String body, Function<String, FeatureMatrix> reading) {
        try {
            FeatureMatrix matrix = reading.apply(body);
            List<Integer> bits = new ArrayList<>();
            for (int i = 0; i < matrix.rows() * matrix.columns(); i++) {
                bits.add(Float.floatToRawIntBits(matrix.values()[i]));
            }
            return List.of(matrix.rows(), matrix.columns(), bits);
        } catch (InvalidInputException e) {
            return List.of(e.status(), e.title(), e.getMessage(), String.valueOf(e.row()), String.valueOf(e.column()));
        } catch (RuntimeException e) {
            fail("neither rows nor a refusal for " + body + ": " + e);
            return null;
        }
    }
}
