package org.mlplatform.pipeline.options;

/** A name that is no {@link TrainingOption}. */
public class UnknownOptionException extends IllegalArgumentException {

    private final String name;

    public UnknownOptionException(String name) {
        super("unknown option " + name);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
