package org.mlplatform.inference.scorings.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonString;

import org.mlplatform.inference.scorings.control.CsvRowReader;
import org.mlplatform.inference.scorings.control.PartFile;
import org.mlplatform.inference.scorings.control.ScoringFolders;
import org.mlplatform.inference.scorings.control.ScoringRequestValidator;
import org.mlplatform.inference.scorings.entity.BadRowPolicy;
import org.mlplatform.inference.scorings.entity.ScoringPlan;
import org.mlplatform.inference.scorings.entity.ScoringRequest;
import org.mlplatform.repository.ModelMetadata;
import org.mlplatform.repository.ModelRepository;

/**
 * First step: checks the parameters (console and CLI submissions skip the REST checks), resolves
 * the version selector once, checks the input's header (its first line; the rows are counted beside
 * the scoring, not here, so that scoring starts without a pass over the whole file), names the
 * outputs, and records all of it as the job's plan. A restart skips this completed step, so it
 * scores with the same version even when an alias has moved or a newer version was published meanwhile.
 */
@Named
@Dependent
public class ResolveModelBatchlet extends AbstractBatchlet {

    @Inject
    JobContext job;

    @Inject
    ScoringFolders folders;

    @Override
    public String process() throws Exception {
        Properties properties = BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
        Map<String, String> parameters = new HashMap<>();
        if (properties != null) {
            properties.stringPropertyNames().forEach(name -> parameters.put(name, properties.getProperty(name)));
        }
        ScoringRequestValidator validator = folders.validator();
        ScoringRequest request = validator.validate(parameters);
        int version = validator.resolve(request.model(), request.version());
        ModelRepository repository = folders.repository();
        ModelMetadata metadata = repository.metadata(request.model(), version);
        String input = validator.relative(request.input());
        boolean header = CsvRowReader.inspectHeader(request.input(), input, metadata.featureCount(), metadata.featureNames());
        Path output = request.output() != null ? request.output() : defaultOutput(validator.dataDir(), request.input(), request.model(),
                version, job.getInstanceId());
        String rejected = request.badRows() == BadRowPolicy.SKIP
                ? validator.relative(output.resolveSibling(stem(output) + ".rejected.csv")) : null;
        List<String> classes = metadata.classes().stream()
                .map(value -> value instanceof JsonString text ? text.getString() : value.toString()).toList();
        ScoringPlan plan = new ScoringPlan(request.model(), request.version().toString(), version, metadata.onnx().sha256(),
                metadata.featureCount(), metadata.featureNames(), classes, input, header,
                validator.relative(output), rejected, request.includeInput(), request.badRows().key(), request.checkpointRows(),
                request.batchRows(), request.maxRowsPerSecond(), Instant.now().toString());
        folders.savePlan(job.getInstanceId(), plan);
        return "RESOLVED " + plan.model() + " version " + version;
    }

    /**
     * {@code scorings/<input name>.<model>-v<version>.<job instance>.csv} in the data folder, with
     * {@code -2}, {@code -3}... before {@code .csv} when that name is taken (instance numbers start
     * again with a new job repository; an earlier job's output is never overwritten).
     */
    static Path defaultOutput(Path dataDir, Path input, String model, int version, long instanceId) {
        String base = stem(input) + "." + model + "-v" + version + "." + instanceId;
        Path folder = dataDir.resolve("scorings");
        Path output = folder.resolve(base + ".csv");
        for (int n = 2; Files.exists(output) || Files.exists(PartFile.partOf(output)); n++) {
            output = folder.resolve(base + "-" + n + ".csv");
        }
        return output;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }
}
