package org.mlplatform.pipeline.registry;

import org.junit.jupiter.api.Test;
import org.mlplatform.pipeline.PipelineModel;
import org.mlplatform.pipeline.TrainingParameters;
import org.mlplatform.pipeline.onnx.ModelProvenance;
import org.mlplatform.pipeline.onnx.OnnxExporter;
import org.mlplatform.pipeline.onnx.ReferencePipelines;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class ModelMetadataTest {

    @Test
    void roundTrip() throws Exception {
        PipelineModel model = ReferencePipelines.load("iris__robust_balanced_C1");
        ModelProvenance provenance = new ModelProvenance("iris", 2, "fp", List.of("a", "b", "c", "d"));
        byte[] onnx = new OnnxExporter().export(model, provenance);
        ModelMetadata metadata = ModelMetadata.describe(model, provenance, onnx,
                ModelMetadata.Params.of(TrainingParameters.defaults()),
                new ModelMetadata.DatasetSummary(Map.of("train.csv", "ab"), 120, Map.of("0", 40, "1", 40, "2", 40)),
                new ModelMetadata.Metrics(5, Map.of("accuracy", 0.9), null), Instant.parse("2026-11-27T16:00:00.123456Z"));
        byte[] json = MetadataJson.write(metadata);
        System.out.println(new String(json, StandardCharsets.UTF_8));
        System.out.println(MetadataJson.read(json));
    }
}
