package org.mlplatform.inference.models.control;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;

import org.mlplatform.inference.models.entity.ModelSignature;
import org.mlplatform.inference.models.entity.Predictions;

/**
 * An ONNX Runtime session behind the {@link InferenceSession} contract; {@code OrtSession.run} is thread-safe.
 * A ZipMap graph's maps become probability columns in {@link GraphOutputs#classOrder()}.
 */
class OrtInferenceSession implements InferenceSession {

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final SessionOptions options;
    private final ModelSignature signature;
    private final GraphOutputs outputs;

    OrtInferenceSession(OrtEnvironment environment, OrtSession session, SessionOptions options, ModelSignature signature,
                        GraphOutputs outputs) {
        this.environment = environment;
        this.session = session;
        this.options = options;
        this.signature = signature;
        this.outputs = outputs;
    }

    @Override
    public ModelSignature signature() {
        return signature;
    }

    @Override
    public Predictions run(float[] features, int rows) throws InferenceException {
        int columns = signature.featureCount();
        FloatBuffer input = FloatBuffer.wrap(features, 0, rows * columns);
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input, new long[] {rows, columns});
             OrtSession.Result result = session.run(Map.of(signature.inputName(), tensor),
                     Set.of(outputs.label(), outputs.probabilities()))) {
            OnnxTensor labels = (OnnxTensor) result.get(outputs.label()).orElseThrow();
            OnnxValue probabilities = result.get(outputs.probabilities()).orElseThrow();
            int classCount;
            float[] probabilityValues;
            if (outputs.zipMap()) {
                List<Map<?, ?>> maps = new ArrayList<>();
                for (OnnxValue map : ((OnnxSequence) probabilities).getValue()) {
                    maps.add(((OnnxMap) map).getValue());
                }
                List<String> classOrder = outputs.classOrder().isEmpty() && !maps.isEmpty()
                        ? maps.get(0).keySet().stream().sorted().map(String::valueOf).toList() : outputs.classOrder();
                classCount = classOrder.size();
                probabilityValues = columns(maps, classOrder, rows);
            } else {
                classCount = (int) ((OnnxTensor) probabilities).getInfo().getShape()[1];
                probabilityValues = new float[rows * classCount];
                ((OnnxTensor) probabilities).getFloatBuffer().get(probabilityValues);
            }
            if (signature.stringLabels()) {
                return new Predictions(rows, null, (String[]) labels.getValue(), probabilityValues, classCount);
            }
            long[] labelValues = new long[rows];
            labels.getLongBuffer().get(labelValues);
            return new Predictions(rows, labelValues, null, probabilityValues, classCount);
        } catch (OrtException e) {
            throw new InferenceException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    /**
     * The input copied into {@code buffers}, and the outputs written by ONNX Runtime straight into
     * them (pinned outputs). A ZipMap graph's sequence of maps, or a class count the graph leaves
     * symbolic, cannot be bound in advance: those graphs take the allocating path. String labels are
     * returned by ONNX Runtime as usual, the probabilities still pinned.
     */
    @Override
    public Predictions run(float[] features, int rows, TensorBuffers buffers) throws InferenceException {
        int classCount = signature.classCount();
        if (outputs.zipMap() || classCount < 1) {
            return run(features, rows);
        }
        int columns = signature.featureCount();
        FloatBuffer input = buffers.input(rows * columns).put(features, 0, rows * columns).flip();
        FloatBuffer probabilityValues = buffers.probabilities(rows * classCount);
        LongBuffer labelValues = signature.stringLabels() ? null : buffers.labels(rows);
        try (OnnxTensor inputTensor = OnnxTensor.createTensor(environment, input, new long[] {rows, columns});
             OnnxTensor probabilityTensor = OnnxTensor.createTensor(environment, probabilityValues, new long[] {rows, classCount});
             OnnxTensor labelTensor = labelValues == null ? null : OnnxTensor.createTensor(environment, labelValues, new long[] {rows});
             OrtSession.Result result = session.run(Map.of(signature.inputName(), inputTensor),
                     labelTensor == null ? Set.of(outputs.label()) : Set.of(),
                     labelTensor == null ? Map.of(outputs.probabilities(), probabilityTensor)
                             : Map.of(outputs.probabilities(), probabilityTensor, outputs.label(), labelTensor))) {
            float[] probabilities = new float[rows * classCount];
            probabilityValues.get(probabilities);
            if (labelTensor == null) {
                String[] labels = (String[]) ((OnnxTensor) result.get(outputs.label()).orElseThrow()).getValue();
                return new Predictions(rows, null, labels, probabilities, classCount);
            }
            long[] labels = new long[rows];
            labelValues.get(labels);
            return new Predictions(rows, labels, null, probabilities, classCount);
        } catch (OrtException e) {
            throw new InferenceException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    /** Row-major [rows, K] from one map per row, column k holding the probability of {@code classOrder.get(k)}. */
    private static float[] columns(List<Map<?, ?>> maps, List<String> classOrder, int rows) throws InferenceException {
        if (maps.size() != rows) {
            throw new InferenceException("the graph's ZipMap output has " + maps.size() + " maps for " + rows + " rows", null);
        }
        Map<String, Integer> column = new HashMap<>();
        for (int k = 0; k < classOrder.size(); k++) {
            column.put(classOrder.get(k), k);
        }
        float[] values = new float[rows * classOrder.size()];
        for (int i = 0; i < rows; i++) {
            if (maps.get(i).size() != classOrder.size()) {
                throw new InferenceException("the graph's ZipMap output has " + maps.get(i).size() + " labels, the model "
                        + classOrder.size() + " classes " + classOrder, null);
            }
            for (Map.Entry<?, ?> entry : maps.get(i).entrySet()) {
                Integer k = column.get(String.valueOf(entry.getKey()));
                if (k == null) {
                    throw new InferenceException("the graph's ZipMap output has label " + entry.getKey()
                            + ", which is not one of the model's classes " + classOrder, null);
                }
                values[i * classOrder.size() + k] = (Float) entry.getValue();
            }
        }
        return values;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX Runtime session", e);
        } finally {
            options.close();
        }
    }
}
