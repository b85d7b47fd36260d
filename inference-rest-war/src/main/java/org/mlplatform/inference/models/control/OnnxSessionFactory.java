package org.mlplatform.inference.models.control;

import java.util.Map;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.TensorInfo;

import org.mlplatform.inference.models.entity.ModelSignature;

/**
 * Opens ONNX Runtime sessions for the service and checks that the graph is one it can serve:
 * one float input [N, F], a {@code label} output (int64 or string, [N]) and a {@code probabilities}
 * output (float, [N, K]) — what skl2onnx writes with {@code zipmap=False} and what pipeline-ejb exports.
 */
public class OnnxSessionFactory {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();

    public InferenceSession open(byte[] model) throws ModelLoadException {
        SessionOptions options = new SessionOptions();
        OrtSession session = null;
        try {
            // One thread per call, no inter-op parallelism: request concurrency comes from the EJB
            // pool, and ORT's own thread pool only slows down the small calls this service makes.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            session = environment.createSession(model, options);
            return new OrtInferenceSession(environment, session, options, signatureOf(session));
        } catch (OrtException e) {
            closeQuietly(session, options);
            throw new ModelLoadException("ONNX Runtime cannot load the model: " + e.getMessage(), e);
        } catch (ModelLoadException e) {
            closeQuietly(session, options);
            throw e;
        }
    }

    static ModelSignature signatureOf(OrtSession session) throws OrtException, ModelLoadException {
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
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        NodeInfo label = outputs.get(ModelSignature.LABEL_OUTPUT);
        NodeInfo probabilities = outputs.get(ModelSignature.PROBABILITIES_OUTPUT);
        if (label == null || probabilities == null) {
            throw new ModelLoadException("not servable: outputs must include 'label' and 'probabilities', the graph has "
                    + outputs.keySet() + " (skl2onnx needs zipmap=False)");
        }
        TensorInfo labelTensor = tensor(label, "output");
        if ((labelTensor.type != OnnxJavaType.INT64 && labelTensor.type != OnnxJavaType.STRING) || labelTensor.getShape().length != 1) {
            throw new ModelLoadException("not servable: output 'label' must be int64 or string [N], is " + describe(labelTensor));
        }
        TensorInfo probabilitiesTensor = tensor(probabilities, "output");
        if (probabilitiesTensor.type != OnnxJavaType.FLOAT || probabilitiesTensor.getShape().length != 2) {
            throw new ModelLoadException("not servable: output 'probabilities' must be float [N, K], is " + describe(probabilitiesTensor));
        }
        return new ModelSignature(input.getName(), (int) inputShape[1], labelTensor.type == OnnxJavaType.STRING,
                (int) probabilitiesTensor.getShape()[1]);
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
