package org.mlplatform.builder.trainings.entity;

/**
 * An input file of a job as step {@code validate-data} read it.
 *
 * @param field  the job parameter that names it ({@code trainData}, {@code trainLabels}, ...)
 * @param path   its absolute path
 * @param sha256 SHA-256 (lower-case hex) of its content then
 */
public record ValidatedFile(String field, String path, String sha256) {
}
