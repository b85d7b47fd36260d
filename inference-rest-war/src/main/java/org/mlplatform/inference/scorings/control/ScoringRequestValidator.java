package org.mlplatform.inference.scorings.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.mlplatform.inference.models.control.VersionSelector;
import org.mlplatform.inference.scorings.entity.BadRowPolicy;
import org.mlplatform.inference.scorings.entity.ScoringParameter;
import org.mlplatform.inference.scorings.entity.ScoringRequest;
import org.mlplatform.repository.ModelRepository;

/**
 * Checks score-file parameters (strings, as job parameters are) before a job starts, and again in
 * the job's first step, so that console and CLI submissions are refused for the same reasons.
 * File paths are relative to the data folder and may not leave it ({@code ..}, an absolute path
 * elsewhere, a symbolic link pointing out).
 */
public class ScoringRequestValidator {

    static final int MAX_CHECKPOINT_ROWS = 100_000_000;
    static final int MAX_BATCH_ROWS = 100_000;

    private final Path dataDir;
    private final ModelRepository repository;

    public ScoringRequestValidator(Path dataDir, ModelRepository repository) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.repository = repository;
    }

    public ScoringRequest validate(Map<String, String> parameters) {
        for (String key : parameters.keySet()) {
            // JBeret adds its own (jberet.jobXmlName, jberet.restart.mode) to the job parameters
            if (ScoringParameter.of(key).isEmpty() && !key.startsWith("jberet.")) {
                throw ScoringException.invalid(key, "unknown parameter '" + key + "'; known: "
                        + Arrays.stream(ScoringParameter.values()).map(ScoringParameter::key).collect(Collectors.joining(", ")));
            }
        }
        String model = value(parameters, ScoringParameter.MODEL);
        if (model == null) {
            throw ScoringException.invalid("model", "model is required");
        }
        if (!ModelRepository.isName(model) || repository.versions(model).isEmpty()) {
            throw ScoringException.notFound("model", "model '" + model + "' has no version in the model repository");
        }
        VersionSelector version;
        try {
            version = VersionSelector.parse(value(parameters, ScoringParameter.VERSION));
        } catch (IllegalArgumentException e) {
            throw ScoringException.invalid("version", e.getMessage());
        }
        resolve(model, version);
        String inputText = value(parameters, ScoringParameter.INPUT);
        if (inputText == null) {
            throw ScoringException.invalid("input", "input is required: a CSV path relative to the data folder, or an uploaded file");
        }
        Path input = input(inputText);
        String outputText = value(parameters, ScoringParameter.OUTPUT);
        Path output = outputText == null ? null : output(outputText);
        boolean includeInput = bool(parameters, ScoringParameter.INCLUDE_INPUT);
        BadRowPolicy badRows = badRows(value(parameters, ScoringParameter.BAD_ROWS));
        int checkpointRows = (int) number(parameters, ScoringParameter.CHECKPOINT_ROWS, ScoringRequest.DEFAULT_CHECKPOINT_ROWS, 1,
                MAX_CHECKPOINT_ROWS);
        int batchRows = (int) number(parameters, ScoringParameter.BATCH_ROWS, ScoringRequest.DEFAULT_BATCH_ROWS, 1, MAX_BATCH_ROWS);
        long maxRowsPerSecond = number(parameters, ScoringParameter.MAX_ROWS_PER_SECOND, 0, 0, Long.MAX_VALUE);
        return new ScoringRequest(model, version, input, output, includeInput, badRows, checkpointRows, batchRows, maxRowsPerSecond);
    }

    /** The repository version a selector names now (number, alias, or the highest for latest). */
    public int resolve(String model, VersionSelector version) {
        Map<String, Integer> aliases = repository.aliases(model);
        Optional<Integer> resolved = version.resolve(new TreeSet<>(repository.versions(model)), aliases);
        if (resolved.isEmpty()) {
            String what = version.alias() != null
                    ? (aliases.containsKey(version.alias()) ? "alias '" + version.alias() + "' points to version "
                    + aliases.get(version.alias()) + ", which is not in the repository" : "no alias '" + version.alias() + "'")
                    : "no version " + version;
            throw ScoringException.notFound("version", "model '" + model + "' has " + what);
        }
        return resolved.get();
    }

    /** Path of a file inside the data folder, relative to it, as status and plan show it. */
    public String relative(Path file) {
        return dataDir.relativize(file.toAbsolutePath().normalize()).toString();
    }

    public Path dataDir() {
        return dataDir;
    }

    private Path input(String text) {
        Path path = inside("input", text);
        if (!Files.isRegularFile(path)) {
            throw ScoringException.invalid("input", "no file " + text + " in the data folder");
        }
        try {
            if (!path.toRealPath().startsWith(dataDir.toRealPath())) {
                throw outside("input", text);
            }
        } catch (IOException e) {
            throw ScoringException.invalid("input", "cannot read " + text + ": " + e.getMessage());
        }
        return path;
    }

    private Path output(String text) {
        Path path = inside("output", text);
        if (!path.getFileName().toString().endsWith(".csv")) {
            throw ScoringException.invalid("output", "the output name must end in .csv, got " + text);
        }
        if (Files.exists(path)) {
            throw ScoringException.invalid("output", text + " exists already; name a new file");
        }
        Path existing = path.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            if (existing == null || !existing.toRealPath().startsWith(dataDir.toRealPath())) {
                throw outside("output", text);
            }
        } catch (IOException e) {
            throw ScoringException.invalid("output", "cannot write " + text + ": " + e.getMessage());
        }
        return path;
    }

    private Path inside(String field, String text) {
        Path path;
        try {
            path = dataDir.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw ScoringException.invalid(field, "not a path: " + text);
        }
        if (!path.startsWith(dataDir) || path.equals(dataDir)) {
            throw outside(field, text);
        }
        return path;
    }

    private static ScoringException outside(String field, String text) {
        return ScoringException.invalid(field, "the path " + text + " is outside the data folder");
    }

    private static String value(Map<String, String> parameters, ScoringParameter parameter) {
        String value = parameters.get(parameter.key());
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean bool(Map<String, String> parameters, ScoringParameter parameter) {
        String value = value(parameters, parameter);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ScoringException.invalid(parameter.key(), parameter.key() + " must be true or false, got '" + value + "'");
    }

    private static BadRowPolicy badRows(String value) {
        if (value == null) {
            return BadRowPolicy.FAIL;
        }
        try {
            return BadRowPolicy.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ScoringException.invalid("badRows", "badRows must be fail or skip, got '" + value + "'");
        }
    }

    private static long number(Map<String, String> parameters, ScoringParameter parameter, long defaultValue, long min, long max) {
        String value = value(parameters, parameter);
        if (value == null) {
            return defaultValue;
        }
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ScoringException.invalid(parameter.key(), parameter.key() + " must be a whole number, got '" + value + "'");
        }
        if (number < min || number > max) {
            throw ScoringException.invalid(parameter.key(), parameter.key() + " must be between " + min + " and " + max + ", got " + number);
        }
        return number;
    }
}
