package org.mlplatform.inference.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * Publishes a reference case as a model version, for trying the service by hand and for the
 * benchmark: {@code PublishReferenceModel <models-dir> <model> <version> <set> <config>}.
 */
public final class PublishReferenceModel {

    private PublishReferenceModel() {
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: PublishReferenceModel <models-dir> <model> <version> <set> <config>");
            System.exit(2);
        }
        ReferenceCase reference = ReferenceCase.load(args[3], args[4]);
        new TestRepository(Path.of(args[0])).publish(args[1], Integer.parseInt(args[2]), reference.onnx(), reference.featureCount(),
                reference.classCount(), List.of());
        System.out.println("published " + args[1] + " version " + args[2] + " from " + args[3] + "__" + args[4]);
    }
}
