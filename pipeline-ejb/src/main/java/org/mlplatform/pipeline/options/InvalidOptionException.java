package org.mlplatform.pipeline.options;

import java.util.function.Function;

/**
 * A training option whose value breaks its rule. Every entry point (command line, REST, JMS, job
 * properties) gets this one exception and names the option as its users spell it.
 */
public class InvalidOptionException extends IllegalArgumentException {

    private final TrainingOption option;
    private final String value;
    private final String rule;

    /**
     * @param value the value as given, null when the option is missing
     * @param rule  what the value must be, e.g. {@code must be an integer from 1 to 2147483647}
     */
    public InvalidOptionException(TrainingOption option, String value, String rule) {
        this(option, value, rule, TrainingOption::key);
    }

    private InvalidOptionException(TrainingOption option, String value, String rule,
                                   Function<TrainingOption, String> names) {
        super(names.apply(option) + " " + rule + (value == null ? "" : ", got " + value));
        this.option = option;
        this.value = value;
        this.rule = rule;
    }

    /** The same problem with the option named as {@code names} says, e.g. by its command-line flag. */
    public InvalidOptionException named(Function<TrainingOption, String> names) {
        return new InvalidOptionException(option, value, rule, names);
    }

    public TrainingOption option() {
        return option;
    }

    public String value() {
        return value;
    }

    /** What the value must be, as a sentence without its subject: {@code must be one of none, smote}. */
    public String rule() {
        return rule;
    }
}
