package org.mlplatform.inference.models.control;

import java.util.List;
import java.util.Map;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;

import org.mlplatform.inference.models.entity.ModelSignature;

/**
 * Opens ONNX Runtime sessions for the service and checks that the graph is one it can serve:
 * one float input [N, F], a label output (int64 or string, [N]) named {@code label} or {@code output_label},
 * and probabilities: {@code probabilities} float [N, K] (what pipeline-ejb exports and skl2onnx writes with
 * {@code zipmap=False}) or {@code output_probability}, skl2onnx's default ZipMap (a sequence of maps from
 * label to float).
 */
public class OnnxSessionFactory {

    private final OrtEnvironment environment = environmentWithoutTelemetry();

    /**
     * ONNX Runtime's environment, told not to collect telemetry: by default it records usage events
     * (each session's creation with the process's path and the OS, run statistics) in a database under
     * the user's home, to be uploaded to Microsoft. A model server keeps no such record.
     */
    private static OrtEnvironment environmentWithoutTelemetry() {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try {
            environment.setTelemetry(false);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot turn ONNX Runtime's telemetry off", e);
        }
        return environment;
    }

    public InferenceSession open(byte[] model) throws ModelLoadException {
        return open(model, List.of());
    }

    /**
     * @param classOrder the class labels (as strings) in probability-column order, as metadata.json lists
     *                   them; a ZipMap graph's columns are served in this order (empty: ascending keys)
     */
    public InferenceSession open(byte[] model, List<String> classOrder) throws ModelLoadException {
        SessionOptions options = new SessionOptions();
        OrtSession session = null;
        try {
            // One thread per call, no inter-op parallelism: request concurrency comes from the EJB
            // pool, and ORT's own thread pool only slows down the small calls this service makes.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            session = environment.createSession(model, options);
            GraphOutputs outputs = outputsOf(session, classOrder);
            return new OrtInferenceSession(environment, session, options, signatureOf(session, outputs), outputs);
        } catch (OrtException e) {
            closeQuietly(session, options);
            throw new ModelLoadException("ONNX Runtime cannot load the model: " + e.getMessage(), e);
        } catch (ModelLoadException e) {
            closeQuietly(session, options);
            throw e;
        }
    }

    static ModelSignature signatureOf(OrtSession session) throws OrtException, ModelLoadException {
        return signatureOf(session, outputsOf(session, List.of()));
    }

    private static ModelSignature signatureOf(OrtSession session, GraphOutputs outputs) throws OrtException, ModelLoadException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        if (inputs.size() != 1) {
            throw new ModelLoadException("not servable: expected one input, the graph has " + inputs.size() + " " + inputs.keySet());
        }
        NodeInfo input = inputs.values().iterator().next();
        TensorInfo inputTensor = tensor(input, "input");
        long[] inputShape = inputTensor.getShape();
        if (inputTensor.type != OnnxJavaType.FLOAT || inputShape.length != 2 || inputShape[1] < 1) {
            throw new ModelLoadException("not servable: input '" + input.getName() + "' must be float [N, F] with a fixed F, is "
                    + describe(inputTensor));
        }
        Map<String, NodeInfo> graphOutputs = session.getOutputInfo();
        TensorInfo labelTensor = tensor(graphOutputs.get(outputs.label()), "output");
        if ((labelTensor.type != OnnxJavaType.INT64 && labelTensor.type != OnnxJavaType.STRING) || labelTensor.getShape().length != 1) {
            throw new ModelLoadException("not servable: output '" + outputs.label() + "' must be int64 or string [N], is "
                    + describe(labelTensor));
        }
        boolean stringLabels = labelTensor.type == OnnxJavaType.STRING;
        NodeInfo probabilities = graphOutputs.get(outputs.probabilities());
        int classCount;
        if (outputs.zipMap()) {
            if (!(probabilities.getInfo() instanceof SequenceInfo sequence) || !sequence.isSequenceOfMaps()
                    || sequence.mapInfo.keyType != labelTensor.type || sequence.mapInfo.valueType != OnnxJavaType.FLOAT) {
                throw new ModelLoadException("not servable: output '" + outputs.probabilities() + "' must be a sequence of maps from "
                        + labelTensor.type + " label to float (skl2onnx's ZipMap), is " + probabilities.getInfo());
            }
            classCount = outputs.classOrder().isEmpty() ? -1 : outputs.classOrder().size();
        } else {
            TensorInfo probabilitiesTensor = tensor(probabilities, "output");
            if (probabilitiesTensor.type != OnnxJavaType.FLOAT || probabilitiesTensor.getShape().length != 2) {
                throw new ModelLoadException("not servable: output '" + outputs.probabilities() + "' must be float [N, K], is "
                        + describe(probabilitiesTensor));
            }
            classCount = (int) probabilitiesTensor.getShape()[1];
        }
        return new ModelSignature(input.getName(), (int) inputShape[1], stringLabels, classCount);
    }

    private static GraphOutputs outputsOf(OrtSession session, List<String> classOrder) throws OrtException, ModelLoadException {
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        String label = GraphOutputs.LABEL_NAMES.stream().filter(outputs::containsKey).findFirst().orElse(null);
        String probabilities = GraphOutputs.PROBABILITY_NAMES.stream().filter(outputs::containsKey).findFirst().orElse(null);
        if (label == null || probabilities == null) {
            throw new ModelLoadException("not servable: outputs must include a label (" + String.join(" or ", GraphOutputs.LABEL_NAMES)
                    + ") and probabilities (" + String.join(" or ", GraphOutputs.PROBABILITY_NAMES) + "), the graph has "
                    + outputs.keySet());
        }
        return new GraphOutputs(label, probabilities, probabilities.equals(GraphOutputs.ZIPMAP_PROBABILITIES), classOrder);
    }

    private static TensorInfo tensor(NodeInfo node, String role) throws ModelLoadException {
        if (node.getInfo() instanceof TensorInfo tensor) {
            return tensor;
        }
        throw new ModelLoadException("not servable: " + role + " '" + node.getName() + "' is not a tensor but " + node.getInfo());
    }

    private static String describe(TensorInfo tensor) {
        return tensor.type + java.util.Arrays.toString(tensor.getShape());
    }

    private static void closeQuietly(OrtSession session, SessionOptions options) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // the load already failed; the first error is the one to report
            }
        }
        options.close();
    }
}
