package org.mlplatform.pipeline.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import com.google.protobuf.ByteString;
import org.mlplatform.pipeline.dataset.ClassLabels;

import java.nio.charset.StandardCharsets;

/** Node attributes the exported steps share. */
public final class OnnxAttributes {

    private OnnxAttributes() {
    }

    /** An empty float list; add the values with {@code addFloats}. */
    public static AttributeProto.Builder floats(String name) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOATS);
    }

    public static AttributeProto string(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    /** {@code classlabels_ints} for integer labels, else {@code classlabels_strings}, as ai.onnx.ml classifiers take them. */
    public static AttributeProto classLabels(ClassLabels labels) {
        if (labels.integer()) {
            AttributeProto.Builder ints = AttributeProto.newBuilder().setName("classlabels_ints").setType(AttributeType.INTS);
            for (long label : labels.asLongs()) {
                ints.addInts(label);
            }
            return ints.build();
        }
        AttributeProto.Builder strings = AttributeProto.newBuilder().setName("classlabels_strings")
                .setType(AttributeType.STRINGS);
        for (String label : labels.values()) {
            strings.addStrings(ByteString.copyFrom(label, StandardCharsets.UTF_8));
        }
        return strings.build();
    }
}
