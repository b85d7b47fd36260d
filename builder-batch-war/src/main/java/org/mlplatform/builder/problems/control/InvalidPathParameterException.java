package org.mlplatform.builder.problems.control;

/**
 * A path parameter that is not of its kind at all, e.g. {@code /trainings/abc} where an execution id
 * (a positive integer) belongs: 400, where a well-formed id that names nothing is 404. The title names
 * the parameter ({@code Invalid version}, as the inference service says for a malformed version).
 */
public class InvalidPathParameterException extends RuntimeException {

    private final String parameter;

    public InvalidPathParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** {@code Invalid version}, {@code Invalid execution id}. */
    public String title() {
        return "version".equals(parameter) ? ProblemTypes.INVALID_VERSION : "Invalid execution id";
    }

    /** The value of a path parameter that must be a positive integer up to {@code max}. */
    public static long positive(String parameter, String value, long max) {
        if (value == null || !value.matches("[0-9]{1,19}")) {
            throw new InvalidPathParameterException(parameter, parameter + " must be a positive integer, got " + value);
        }
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 1 || number > max) {
            throw new InvalidPathParameterException(parameter, parameter + " must be an integer from 1 to " + max
                    + ", got " + value);
        }
        return number;
    }
}
