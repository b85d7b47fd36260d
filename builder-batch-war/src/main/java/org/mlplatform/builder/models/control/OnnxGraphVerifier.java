package org.mlplatform.builder.models.control;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import com.google.protobuf.InvalidProtocolBufferException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.mlplatform.builder.models.entity.ImportedGraph;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.mlplatform.builder.models.control.ModelImports.CLASSES_PART;
import static org.mlplatform.builder.models.control.ModelImports.FEATURE_NAMES_PART;
import static org.mlplatform.builder.models.control.ModelImports.ONNX_PART;

/**
 * Checks with ONNX Runtime that a graph trained elsewhere is one the inference service serves: one float
 * input [N, F]; a label output (int64 or string [N]) named {@code label} or {@code output_label}; and
 * probabilities named {@code probabilities}, float [N, K], or {@code output_probability}, skl2onnx's
 * default ZipMap (a sequence of maps from label to probability). It runs the graph once on a row of zeros,
 * which also gives K, and settles the class labels: those given must match what the graph states.
 */
@ApplicationScoped
public class OnnxGraphVerifier {

    static final Set<String> LABEL_OUTPUTS = Set.of("label", "output_label");
    /** skl2onnx's names: {@code probabilities} is a float [N, K] tensor, {@code output_probability} its ZipMap. */
    static final String ZIPMAP_PROBABILITIES = "output_probability";
    static final Set<String> PROBABILITY_OUTPUTS = Set.of("probabilities", ZIPMAP_PROBABILITIES);
    private static final Set<String> LABEL_ATTRIBUTES = Set.of("classlabels_ints", "classlabels_int64s",
            "classlabels_strings");

    private final OrtEnvironment environment = environmentWithoutTelemetry();

    /**
     * Loads ONNX Runtime (its native library is unpacked and linked on first use, seconds on a busy machine)
     * while the WAR deploys rather than during the first import, which would otherwise outlast the
     * listener's 10 s read timeout on an HTTP/2 connection.
     */
    void loadOnDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        // creating the bean created the environment
    }

    /**
     * Told not to collect telemetry: by default ONNX Runtime records usage events (each session's
     * creation with the process's path and the OS) in a database under the user's home, to be uploaded
     * to Microsoft. The inference service's session factory does the same.
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

    /**
     * @param givenClasses      the labels in probability-column order, or null to take the graph's
     * @param givenFeatureNames the input's column names, or null
     */
    public ImportedGraph verify(byte[] onnx, JsonArray givenClasses, List<String> givenFeatureNames) {
        ModelProto model = parse(onnx);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            OrtSession session;
            try {
                session = environment.createSession(onnx, options);
            } catch (OrtException e) {
                throw RegistryException.invalidImport(ONNX_PART, "ONNX Runtime cannot load the graph: " + e.getMessage());
            }
            try (session) {
                return verify(model, session, givenClasses, givenFeatureNames);
            }
        } catch (OrtException e) {
            throw RegistryException.invalidImport(ONNX_PART, "ONNX Runtime cannot run the graph: " + e.getMessage());
        }
    }

    private ImportedGraph verify(ModelProto model, OrtSession session, JsonArray givenClasses,
                                 List<String> givenFeatureNames) throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        if (inputs.size() != 1) {
            throw graph("the graph has " + inputs.size() + " inputs " + inputs.keySet()
                    + "; it needs exactly one, float [N, F]");
        }
        NodeInfo input = inputs.values().iterator().next();
        if (!(input.getInfo() instanceof TensorInfo inputTensor) || inputTensor.type != OnnxJavaType.FLOAT) {
            throw graph("input '" + input.getName() + "' is " + input.getInfo() + "; it must be a float tensor [N, F]");
        }
        long[] inputShape = inputTensor.getShape();
        if (inputShape.length != 2 || inputShape[1] < 1 || inputShape[1] > Integer.MAX_VALUE) {
            throw graph("input '" + input.getName() + "' has shape " + Arrays.toString(inputShape)
                    + "; it must be [N, F] with a fixed number of features F");
        }
        int features = (int) inputShape[1];

        Map<String, NodeInfo> outputs = session.getOutputInfo();
        NodeInfo label = output(outputs, LABEL_OUTPUTS, "label");
        if (!(label.getInfo() instanceof TensorInfo labelTensor)
                || (labelTensor.type != OnnxJavaType.INT64 && labelTensor.type != OnnxJavaType.STRING)
                || labelTensor.getShape().length != 1) {
            throw graph("output '" + label.getName() + "' is " + label.getInfo() + "; it must be int64 or string [N]");
        }
        boolean stringLabels = labelTensor.type == OnnxJavaType.STRING;
        NodeInfo probabilities = output(outputs, PROBABILITY_OUTPUTS, "probability");
        boolean zipMap = probabilities.getName().equals(ZIPMAP_PROBABILITIES);
        if (zipMap && !isZipMap(probabilities.getInfo(), stringLabels)) {
            throw graph("output '" + probabilities.getName() + "' is " + probabilities.getInfo() + "; under this name it must be"
                    + " skl2onnx's ZipMap, a sequence of maps from " + (stringLabels ? "string" : "int64") + " labels to float");
        }
        if (!zipMap && !(probabilities.getInfo() instanceof TensorInfo tensor
                && tensor.type == OnnxJavaType.FLOAT && tensor.getShape().length == 2)) {
            throw graph("output '" + probabilities.getName() + "' is " + probabilities.getInfo() + "; it must be float [N, K]");
        }

        List<Object> columns = columnsOfOneRow(session, input.getName(), features, label.getName(), probabilities.getName(),
                zipMap);
        if (columns.size() < 2) {
            throw graph("the graph gives " + columns.size() + " probabilities per row; a classifier gives one per class, "
                    + "at least 2");
        }
        JsonArray classes = classes(givenClasses, zipMap ? columns : statedLabels(model, label.getName()),
                columns.size(), stringLabels, zipMap);
        if (givenFeatureNames != null && givenFeatureNames.size() != features) {
            throw RegistryException.invalidImport(FEATURE_NAMES_PART, givenFeatureNames.size() + " feature names for the "
                    + features + " features of input '" + input.getName() + "'");
        }
        return new ImportedGraph(features, stringLabels ? "string" : "int64", classes,
                givenFeatureNames == null ? List.of() : List.copyOf(givenFeatureNames), zipMap);
    }

    private static ModelProto parse(byte[] onnx) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(onnx);
        } catch (InvalidProtocolBufferException e) {
            throw RegistryException.notOnnx(ONNX_PART, "the file is not an ONNX model (" + e.getMessage() + ")");
        }
        if (model.getIrVersion() < 1 || !model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw RegistryException.notOnnx(ONNX_PART, "the file is not an ONNX model: it has no IR version or no graph");
        }
        return model;
    }

    private static NodeInfo output(Map<String, NodeInfo> outputs, Set<String> names, String role) {
        return outputs.entrySet().stream().filter(e -> names.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> graph("the graph has no " + role + " output (named " + String.join(" or ", new TreeSet<>(names))
                        + "); its outputs are " + outputs.keySet()));
    }

    private static boolean isZipMap(ValueInfo info, boolean stringLabels) {
        return info instanceof SequenceInfo sequence && sequence.isSequenceOfMaps()
                && sequence.mapInfo.keyType == (stringLabels ? OnnxJavaType.STRING : OnnxJavaType.INT64)
                && sequence.mapInfo.valueType == OnnxJavaType.FLOAT;
    }

    /** K from one run on a row of zeros; for ZipMap also the labels, the map's keys. */
    private List<Object> columnsOfOneRow(OrtSession session, String input, int features, String label, String probabilities,
                                         boolean zipMap) throws OrtException {
        try (OnnxTensor row = OnnxTensor.createTensor(environment, FloatBuffer.wrap(new float[features]), new long[] {1, features});
             OrtSession.Result result = session.run(Map.of(input, row), Set.of(label, probabilities))) {
            OnnxValue value = result.get(probabilities).orElseThrow();
            if (zipMap) {
                List<? extends OnnxValue> maps = ((OnnxSequence) value).getValue();
                if (maps.size() != 1) {
                    throw graph("output '" + probabilities + "' has " + maps.size() + " maps for 1 row");
                }
                return new ArrayList<>(new TreeSet<>(((OnnxMap) maps.get(0)).getValue().keySet()));
            }
            long[] shape = ((OnnxTensor) value).getInfo().getShape();
            if (shape.length != 2 || shape[0] != 1) {
                throw graph("output '" + probabilities + "' has shape " + Arrays.toString(shape) + " for 1 row");
            }
            List<Object> columns = new ArrayList<>();
            for (int k = 0; k < shape[1]; k++) {
                columns.add(k);
            }
            return columns;
        }
    }

    /** The class labels of the node that writes the label output (a classifier or skl2onnx's ZipMap), if it states them. */
    private static List<Object> statedLabels(ModelProto model, String labelOutput) {
        for (NodeProto node : model.getGraph().getNodeList()) {
            if (node.getOutputList().contains(labelOutput)) {
                for (AttributeProto attribute : node.getAttributeList()) {
                    if (LABEL_ATTRIBUTES.contains(attribute.getName())) {
                        return attribute.getName().equals("classlabels_strings")
                                ? attribute.getStringsList().stream().map(s -> (Object) s.toStringUtf8()).toList()
                                : attribute.getIntsList().stream().map(i -> (Object) i).toList();
                    }
                }
            }
        }
        return null;
    }

    /**
     * The labels in column order: the given ones, which must fit the graph's, or the graph's own.
     *
     * @param stated the labels the graph states (for ZipMap, its keys), or null
     */
    private static JsonArray classes(JsonArray given, List<Object> stated, int count, boolean stringLabels, boolean zipMap) {
        if (stated != null && stated.size() != count) {
            throw graph("the graph states " + stated.size() + " class labels but gives " + count + " probabilities per row");
        }
        if (given == null) {
            if (stated == null) {
                throw RegistryException.invalidImport(CLASSES_PART, "the graph does not state its " + count
                        + " class labels; give them in probability-column order in the part " + CLASSES_PART);
            }
            JsonArrayBuilder classes = Json.createArrayBuilder();
            stated.forEach(label -> {
                if (label instanceof Long number) {
                    classes.add(number);
                } else {
                    classes.add(label.toString());
                }
            });
            return classes.build();
        }
        List<Object> labels = new ArrayList<>();
        for (JsonValue value : given) {
            if (stringLabels && value instanceof JsonString string) {
                labels.add(string.getString());
            } else if (!stringLabels && value instanceof JsonNumber number && number.isIntegral()) {
                labels.add(number.longValueExact());
            } else {
                throw RegistryException.invalidImport(CLASSES_PART, "the graph's labels are " + (stringLabels ? "strings" : "int64")
                        + ", so classes must be JSON " + (stringLabels ? "strings" : "integers") + "; got " + value);
            }
        }
        if (new HashSet<>(labels).size() != labels.size()) {
            throw RegistryException.invalidImport(CLASSES_PART, "classes " + given + " repeat a label");
        }
        if (labels.size() != count) {
            throw RegistryException.invalidImport(CLASSES_PART, given.size() + " classes given, but the graph gives " + count
                    + " probabilities per row");
        }
        if (stated != null && (zipMap ? !new HashSet<>(stated).equals(new HashSet<>(labels)) : !stated.equals(labels))) {
            throw RegistryException.invalidImport(CLASSES_PART, "classes " + given + " differ from the labels the graph states, "
                    + stated.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"))
                    + (zipMap ? "" : " (in probability-column order)"));
        }
        return given;
    }

    private static RegistryException graph(String message) {
        return RegistryException.invalidImport(ONNX_PART, message);
    }
}
