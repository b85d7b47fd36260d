package org.mlplatform.repository;

import java.nio.file.Path;

/**
 * Publishes from a separate JVM, for tests that need a second process: {@code root model count
 * haltAt}, where {@code haltAt} is a {@link PublishStep} at which the JVM halts as if killed, or
 * {@code none}. Prints each published version on its own line.
 */
public final class ForkedPublisher {

    static final int HALTED = 77;

    private ForkedPublisher() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String model = args[1];
        int count = Integer.parseInt(args[2]);
        String haltAt = args[3];
        ModelRepository repository = new ModelRepository(root, step -> {
            if (step.name().equals(haltAt)) {
                Runtime.getRuntime().halt(HALTED);
            }
        });
        for (int i = 0; i < count; i++) {
            System.out.println(repository.publish(model, TestArtifacts.writer(model)).version());
        }
    }
}
