package org.mlplatform.inference.models.control;

import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Set;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;

import org.mlplatform.inference.models.entity.ModelSignature;
import org.mlplatform.inference.models.entity.Predictions;

/** An ONNX Runtime session behind the {@link InferenceSession} contract; {@code OrtSession.run} is thread-safe. */
class OrtInferenceSession implements InferenceSession {

    private static final Set<String> OUTPUTS = Set.of(ModelSignature.LABEL_OUTPUT, ModelSignature.PROBABILITIES_OUTPUT);

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final SessionOptions options;
    private final ModelSignature signature;

    OrtInferenceSession(OrtEnvironment environment, OrtSession session, SessionOptions options, ModelSignature signature) {
        this.environment = environment;
        this.session = session;
        this.options = options;
        this.signature = signature;
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
             OrtSession.Result result = session.run(Map.of(signature.inputName(), tensor), OUTPUTS)) {
            OnnxTensor labels = (OnnxTensor) result.get(ModelSignature.LABEL_OUTPUT).orElseThrow();
            OnnxTensor probabilities = (OnnxTensor) result.get(ModelSignature.PROBABILITIES_OUTPUT).orElseThrow();
            long[] probabilityShape = probabilities.getInfo().getShape();
            int classCount = (int) probabilityShape[1];
            float[] probabilityValues = new float[rows * classCount];
            probabilities.getFloatBuffer().get(probabilityValues);
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
